package com.estatedesk.feature.estate;

public enum SizeUnit {
    SQUARE_METERS,
    SQUARE_FEET,
    HECTARES,
    ACRES,
    SQUARE_KILOMETERS
}
