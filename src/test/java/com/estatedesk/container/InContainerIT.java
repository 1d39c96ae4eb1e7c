package com.estatedesk.container;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.estatedesk.feature.company.CompanyService;
import com.estatedesk.feature.company.CompanyView;
import com.estatedesk.feature.company.NewCompany;
import com.estatedesk.feature.people.model.PersonKind;
import com.estatedesk.feature.registration.NewPerson;
import com.estatedesk.feature.registration.RegistrationService;
import com.estatedesk.infra.metrics.AppMetrics;
import com.estatedesk.infra.problem.ProblemException;
import com.estatedesk.platform.audit.ScheduledAudit;
import com.estatedesk.platform.sequence.SequenceAllocator;
import com.estatedesk.platform.sequence.SequenceKey;
import com.estatedesk.platform.tenancy.Tenancy;
import com.estatedesk.testsupport.Concurrently;
import com.estatedesk.testsupport.Deployments;
import com.estatedesk.testsupport.ServiceUnderTest;
import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In the container, below HTTP: company data cannot be reached without a company bound to the
 * transaction; numbers are taken only inside the caller's transaction, rolled back with it; the
 * daily audit runs once per day however many instances' timers fire.
 */
// The suite's server first: on WildFly, Arquillian deploys this archive to that running server beside the WAR.
@ExtendWith({ServiceUnderTest.class, ArquillianExtension.class})
class InContainerIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.inContainerWar()
                .addClasses(
                        InContainerIT.class,
                        Concurrently.class,
                        ServiceUnderTest.class,
                        ServiceUnderTest.Running.class);
    }

    @Inject
    RegistrationService registrations;

    @Inject
    SequenceAllocator sequences;

    @Inject
    CompanyService companies;

    @Inject
    Tenancy tenancy;

    @Inject
    ScheduledAudit scheduledAudit;

    @Inject
    AppMetrics metrics;

    @PersistenceContext
    EntityManager em;

    @Resource
    UserTransaction transaction;

    @Test
    void companyServicesRefuseACallerWithoutCompany() {
        // This test request carries no token: the caller has no company.
        ProblemException refused = assertThrows(
                ProblemException.class,
                () -> registrations.register(
                        PersonKind.CLIENT, new NewPerson("Nobody", "nobody@closed.test", null, null, null)));
        assertEquals(403, refused.status());
    }

    @Test
    void companyOwnedQueriesWithoutTenantFail() throws Exception {
        transaction.begin();
        try {
            RuntimeException failure = assertThrows(
                    RuntimeException.class,
                    () -> em.createQuery("select count(c) from Client c").getSingleResult());
            assertTrue(
                    causeChain(failure).contains("6174"),
                    () -> "expected EclipseLink-6174, got " + causeChain(failure));
        } finally {
            transaction.rollback();
        }
    }

    @Test
    void numbersAreTakenOnlyInTheCallersTransactionAndRolledBackWithIt() throws Exception {
        CompanyView company = companies.createCompany(new NewCompany(
                "Rollback Realty " + UUID.randomUUID(),
                null,
                new NewCompany.Admin("Admin", "admin-" + UUID.randomUUID() + "@closed.test", "long-enough-password")));

        assertThrows(EJBException.class, () -> sequences.next(SequenceKey.MKT), "no transaction, no number");

        transaction.begin();
        tenancy.bindToTransaction(company.id());
        assertEquals(1, sequences.next(SequenceKey.MKT));
        assertEquals(2, sequences.next(SequenceKey.MKT));
        transaction.rollback();

        transaction.begin();
        tenancy.bindToTransaction(company.id());
        assertEquals(1, sequences.next(SequenceKey.MKT), "the rolled-back numbers are handed out again: no gap");
        transaction.rollback();
    }

    @Test
    void dailyAuditRunsOncePerDayWhateverTheNumberOfTimers() {
        LocalDate day = LocalDate.of(2001, 1, 1).plusDays(System.nanoTime() % 3000);
        List<Optional<?>> runs = Concurrently.run(6, i -> scheduledAudit.runIfUnclaimed(day));
        assertEquals(1, runs.stream().filter(Optional::isPresent).count(), runs::toString);
        assertTrue(scheduledAudit.runIfUnclaimed(day).isEmpty(), "the next timer of the same day does nothing");
        assertTrue(
                metrics.scrape().contains("estatedesk_audit_defects{check=\"duplicate_uids\"}"), "exported for alerts");
    }

    private static String causeChain(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            chain.append(t.getClass().getName())
                    .append(": ")
                    .append(t.getMessage())
                    .append(" | ");
        }
        return chain.toString();
    }
}
