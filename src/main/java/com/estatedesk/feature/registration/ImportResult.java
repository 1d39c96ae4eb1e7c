package com.estatedesk.feature.registration;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/** POST /clients/import: how many clients were registered, and their uid range. */
@JsonbPropertyOrder({"imported", "firstUid", "lastUid"})
public record ImportResult(int imported, String firstUid, String lastUid) {}
