package com.estatedesk.estate;

public enum SizeUnit {
    SQUARE_METERS,
    SQUARE_FEET,
    HECTARES,
    ACRES,
    SQUARE_KILOMETERS
}
