package com.estatedesk.feature.estate;

import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

/** A plot number laid out in an estate plot; at most once per estate. */
@Entity
@Table(name = "estate_plot_number")
@NamedQuery(
        name = EstatePlotNumber.IN_ESTATE_PLOT,
        query = "select n.id from EstatePlotNumber n, EstatePlot p where n.estatePlotId = p.id"
                + " and p.estateId = :estate and p.plotSizeId = :size and n.plotNumberId = :number")
public class EstatePlotNumber extends CompanyOwned {

    /** The plot number as laid out in the estate plot of one size of one estate. */
    public static final String IN_ESTATE_PLOT = "EstatePlotNumber.inEstatePlot";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plot_id")
    private Long id;

    @Column(name = "estate_id", nullable = false, updatable = false)
    private long estateId;

    @Column(name = "estate_plot_id", nullable = false, updatable = false)
    private long estatePlotId;

    @Column(name = "plot_number_id", nullable = false, updatable = false)
    private long plotNumberId;

    protected EstatePlotNumber() {}

    EstatePlotNumber(long estateId, long estatePlotId, long plotNumberId) {
        this.estateId = estateId;
        this.estatePlotId = estatePlotId;
        this.plotNumberId = plotNumberId;
    }

    long estatePlotId() {
        return estatePlotId;
    }

    long plotNumberId() {
        return plotNumberId;
    }
}
