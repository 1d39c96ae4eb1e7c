package com.estatedesk.feature.allocation;

/** FULL payment secures a specific plot number; PART reserves a unit of the size without one. */
public enum PaymentType {
    FULL,
    PART
}
