package com.licenseflow.domain.directory;

public enum UserType { MEMBER, GUEST }
