package com.licenseflow.notification;

/** A notification's content as it is recorded and sent. The subject is a single line. */
record RenderedMail(String subject, String text, String html) {}
