package com.estatedesk.feature.estate;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/** A plot number of a company, e.g. "A-12"; unique per company regardless of case. */
@Entity
@Table(name = "plot_number")
public class PlotNumber extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "plot_id")
    private Long id;

    @Column(nullable = false)
    private String number;

    @Column(name = "number_key", nullable = false)
    private String numberKey;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected PlotNumber() {}

    PlotNumber(String number) {
        this.number = number;
        this.numberKey = Estate.key(number);
        this.createdAt = Timestamps.now();
    }

    public Long id() {
        return id;
    }

    String number() {
        return number;
    }
}
