package com.estatedesk.people;

/** People are never deleted: they are deactivated, and keep their uid. */
public enum PersonStatus {
    ACTIVE,
    DEACTIVATED
}
