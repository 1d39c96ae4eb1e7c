package com.estatedesk.platform.tenancy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.estatedesk.testsupport.CompiledClasses;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The entity model and {@link CompanyTables} name the same tables (the catalog is checked by CompanyIsolationIT). */
class CompanyTablesTest {

    @Test
    void everyCompanyOwnedEntityIsACompanyTableAndBack() {
        Set<String> entityTables = new TreeSet<>();
        for (Class<?> type : CompiledClasses.all()) {
            if (type.isAnnotationPresent(Entity.class) && CompanyOwned.class.isAssignableFrom(type)) {
                entityTables.add(type.getAnnotation(Table.class).name());
            }
        }
        assertEquals(
                new TreeSet<>(CompanyTables.ALL),
                entityTables,
                "tables of @Entity classes extending CompanyOwned (so under @Multitenant) vs CompanyTables.ALL");
    }
}
