package com.estatedesk.feature.estate;

import com.estatedesk.infra.database.Timestamps;
import com.estatedesk.platform.tenancy.CompanyOwned;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Locale;

/** A piece of land a company sells plots of. */
@Entity
@Table(name = "estate")
public class Estate extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "estate_id")
    @SequenceGenerator(name = "estate_id", sequenceName = "estate_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false)
    private String name;

    @Column(name = "name_key", nullable = false)
    private String nameKey;

    @Column(nullable = false)
    private String location;

    @Column(nullable = false, precision = 14, scale = 4)
    private BigDecimal size;

    @Enumerated(EnumType.STRING)
    @Column(name = "size_unit", nullable = false)
    private SizeUnit sizeUnit;

    @Enumerated(EnumType.STRING)
    @Column(name = "title_deed", nullable = false)
    private TitleDeed titleDeed;

    @Column(name = "created_at", nullable = false, updatable = false)
    private OffsetDateTime createdAt;

    protected Estate() {}

    Estate(String name, String location, BigDecimal size, SizeUnit sizeUnit, TitleDeed titleDeed) {
        this.name = name;
        this.nameKey = key(name);
        this.location = location;
        this.size = size;
        this.sizeUnit = sizeUnit;
        this.titleDeed = titleDeed;
        this.createdAt = Timestamps.now();
    }

    static String key(String text) {
        return text.trim().toLowerCase(Locale.ROOT);
    }

    public Long id() {
        return id;
    }

    String name() {
        return name;
    }

    String location() {
        return location;
    }

    BigDecimal size() {
        return size;
    }

    SizeUnit sizeUnit() {
        return sizeUnit;
    }

    TitleDeed titleDeed() {
        return titleDeed;
    }

    Instant createdAt() {
        return createdAt.toInstant();
    }
}
