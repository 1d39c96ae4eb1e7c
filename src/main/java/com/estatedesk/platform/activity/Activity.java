package com.estatedesk.platform.activity;

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

/** One entry of a company's activity log: never changed once written (the application may only insert and read it). */
@Entity
@Table(name = "activity")
public class Activity extends CompanyOwned {

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "activity_id")
    @SequenceGenerator(name = "activity_id", sequenceName = "activity_id_seq", allocationSize = 50)
    private Long id;

    @Column(nullable = false, updatable = false)
    private OffsetDateTime at;

    @Column(name = "actor_account_id", nullable = false, updatable = false)
    private long actorAccountId;

    @Column(name = "actor_uid", updatable = false)
    private String actorUid;

    @Column(name = "actor_name", nullable = false, updatable = false)
    private String actorName;

    @Column(name = "actor_role", nullable = false, updatable = false)
    private String actorRole;

    @Column(nullable = false, updatable = false)
    private String action;

    @Column(name = "subject_type", nullable = false, updatable = false)
    private String subjectType;

    @Column(name = "subject_id", updatable = false)
    private Long subjectId;

    @Column(name = "subject_label", updatable = false)
    private String subjectLabel;

    @Column(updatable = false)
    private String detail;

    protected Activity() {}

    Activity(ActivityView.Actor actor, String action, ActivityView.Subject subject, String detail) {
        this.at = Timestamps.now();
        this.actorAccountId = actor.accountId();
        this.actorUid = actor.uid();
        this.actorName = clip(actor.name(), 254);
        this.actorRole = actor.role();
        this.action = action;
        this.subjectType = subject.type();
        this.subjectId = subject.id();
        this.subjectLabel = clip(subject.label(), 300);
        this.detail = clip(detail, 1000);
    }

    private static String clip(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most - 1) + "…";
    }

    ActivityView view() {
        return new ActivityView(
                id,
                at.toInstant(),
                new ActivityView.Actor(actorAccountId, actorUid, actorName, actorRole),
                action,
                new ActivityView.Subject(subjectType, subjectId, subjectLabel),
                detail);
    }

    long id() {
        return id;
    }
}
