package com.licenseflow.inventory.directory;

public enum UserType {
    MEMBER,
    GUEST
}
