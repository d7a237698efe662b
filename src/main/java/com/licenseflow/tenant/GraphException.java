package com.licenseflow.tenant;

import com.fasterxml.jackson.databind.JsonNode;

/** Microsoft Graph refused or failed: its status, its error code and its message, in an incident's words. */
class GraphException extends RuntimeException {

    private final int status;
    private final String code;

    GraphException(String message, int status, String code, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.code = code;
    }

    static GraphException of(int status, JsonNode body) {
        JsonNode error = body.path("error");
        String code = error.path("code").asText(null);
        return new GraphException(
                "Microsoft Graph answered " + status + (code == null ? "" : " " + code) + ": "
                        + error.path("message").asText("no message"),
                status,
                code,
                null);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }
}
