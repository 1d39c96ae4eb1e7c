package com.estatedesk.feature.estate;

/** The title document of an estate's land. */
public enum TitleDeed {
    FCDA_ROFO,
    FCDA_COFO,
    ROFO,
    GAZETTE
}
