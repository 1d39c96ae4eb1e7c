package com.estatedesk.feature.estate;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.infra.problem.Problems;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** The units of one plot size in one estate. */
@Entity
@Table(name = "estate_plot")
@NamedQuery(
        name = EstatePlot.OF_ESTATE_AND_SIZE,
        query = "select p from EstatePlot p where p.estateId = :estate and p.plotSizeId = :size")
public class EstatePlot extends CompanyOwned {

    public static final String OF_ESTATE_AND_SIZE = "EstatePlot.ofEstateAndSize";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plot_id")
    private Long id;

    @Column(name = "estate_id", nullable = false, updatable = false)
    private long estateId;

    @Column(name = "plot_size_id", nullable = false, updatable = false)
    private long plotSizeId;

    @Column(name = "total_units", nullable = false)
    private int totalUnits;

    @Column(name = "available_units", nullable = false)
    private int availableUnits;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected EstatePlot() {}

    EstatePlot(long estateId, long plotSizeId, int totalUnits) {
        this.estateId = estateId;
        this.plotSizeId = plotSizeId;
        this.totalUnits = totalUnits;
        this.availableUnits = totalUnits;
        this.createdAt = Timestamps.now();
    }

    /** Takes one unit; callers hold the row lock. Never below zero (the database checks it too). */
    public void takeUnit() {
        if (availableUnits == 0) {
            throw Problems.conflict("No units of this plot size are left in this estate.");
        }
        availableUnits--;
    }

    public Long id() {
        return id;
    }

    public long estateId() {
        return estateId;
    }

    public long plotSizeId() {
        return plotSizeId;
    }

    int totalUnits() {
        return totalUnits;
    }

    int availableUnits() {
        return availableUnits;
    }
}
