package com.estatedesk.feature.estate;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A plot size a company sells, e.g. "500 sqm"; unique per company regardless of case. */
@Entity
@Table(name = "plot_size")
public class PlotSize extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plot_id")
    @SequenceGenerator(name = "plot_id", sequenceName = "plot_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String size;

    @Column(name = "size_key", nullable = false)
    private String sizeKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PlotSize() {}

    PlotSize(String size) {
        this.size = size;
        this.sizeKey = Estate.key(size);
        this.createdAt = Timestamps.now();
    }

    public Long id() {
        return id;
    }

    String size() {
        return size;
    }
}
