package com.estatedesk.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house has three floors and one-way stairs. Features (what companies use: company, people,
 * registration, estate, ...) stand on the platform mechanisms (tenancy, sequence, security,
 * idempotency, audit), which stand on infrastructure (database, rest, problem, metrics, identity, ...).
 * Imports only go down, and no two packages import each other, directly or round a loop.
 */
@AnalyzeClasses(packages = "com.estatedesk", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule importsOnlyGoDown = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("Application")
            .definedBy("com.estatedesk")
            .layer("Feature")
            .definedBy("com.estatedesk.feature..")
            .layer("Platform")
            .definedBy("com.estatedesk.platform..")
            .layer("Infrastructure")
            .definedBy("com.estatedesk.infra..")
            .whereLayer("Application")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("Feature")
            .mayOnlyBeAccessedByLayers("Application")
            .whereLayer("Platform")
            .mayOnlyBeAccessedByLayers("Application", "Feature")
            .whereLayer("Infrastructure")
            .mayOnlyBeAccessedByLayers("Application", "Feature", "Platform");

    @ArchTest
    static final ArchRule noPackageLoops =
            slices().matching("com.estatedesk.(**)").should().beFreeOfCycles();

    /**
     * One scope for every resource: application-scoped, with request state (UriInfo, the servlet
     * request) as method parameters. A request-scoped resource is created and injected per call, which
     * was ~6 % of a registration's CPU.
     */
    @ArchTest
    static final ArchRule resourcesAreApplicationScoped = classes()
            .that()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should()
            .beAnnotatedWith(jakarta.enterprise.context.ApplicationScoped.class);

    @ArchTest
    static final ArchRule resourcesTakeRequestStateAsParameters = fields().that()
            .areDeclaredInClassesThat()
            .areAnnotatedWith(jakarta.ws.rs.Path.class)
            .should()
            .notBeAnnotatedWith(jakarta.ws.rs.core.Context.class);
}
