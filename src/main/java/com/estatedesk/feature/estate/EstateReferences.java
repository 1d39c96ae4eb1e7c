package com.estatedesk.feature.estate;

import com.estatedesk.infra.query.ById;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.Map;

/** The readable summaries of the estates, plot sizes and plot numbers one page of rows points at. */
public final class EstateReferences {

    private EstateReferences() {}

    public static Map<Long, EstateRef> estates(EntityManager em, Collection<Long> ids) {
        return ById.lookUp(
                em,
                "select e.id, e.name from Estate e",
                "e.id",
                ids,
                row -> new EstateRef((Long) row[0], (String) row[1]));
    }

    public static Map<Long, PlotSizeView> plotSizes(EntityManager em, Collection<Long> ids) {
        return ById.lookUp(
                em,
                "select s.id, s.size from PlotSize s",
                "s.id",
                ids,
                row -> new PlotSizeView((Long) row[0], (String) row[1]));
    }

    public static Map<Long, PlotNumberView> plotNumbers(EntityManager em, Collection<Long> ids) {
        return ById.lookUp(
                em,
                "select n.id, n.number from PlotNumber n",
                "n.id",
                ids,
                row -> new PlotNumberView((Long) row[0], (String) row[1]));
    }
}
