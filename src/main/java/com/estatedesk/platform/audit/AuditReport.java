package com.estatedesk.platform.audit;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.json.bind.annotation.JsonbTransient;
import java.time.Instant;
import java.util.List;

/** GET /audit: every check with its verdict; {@code ok} only when all are. */
@JsonbPropertyOrder({"ok", "scope", "checkedAt", "checks"})
public record AuditReport(boolean ok, String scope, Instant checkedAt, List<Check> checks) {

    @JsonbPropertyOrder({"name", "ok", "detail"})
    public record Check(
            String name,
            boolean ok,
            String detail,
            @JsonbTransient long defects) {}
}
