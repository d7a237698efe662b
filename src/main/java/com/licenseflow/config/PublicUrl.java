package com.licenseflow.config;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where people reach LicenseFlow ({@code licenseflow.public-url}): links in emails point here, so
 * set it to the address users see behind any proxy.
 */
@ConfigurationProperties("licenseflow")
public record PublicUrl(URI publicUrl) {

    public PublicUrl {
        if (publicUrl.getHost() == null || !publicUrl.isAbsolute()) {
            throw new IllegalArgumentException("licenseflow.public-url must be an absolute web address such as "
                    + "https://licenses.example.com, not '" + publicUrl + "'");
        }
    }

    /** The address without a trailing slash, so paths can be appended: {@code link("/api/me")}. */
    public String base() {
        String text = publicUrl.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }

    public String link(String path) {
        return base() + path;
    }

    public String host() {
        return publicUrl.getHost();
    }
}
