package com.estatedesk.platform.tenancy;

import com.estatedesk.infra.identity.Caller;
import com.estatedesk.infra.problem.Problems;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;

/**
 * The one place where a request's company reaches the persistence layer. It runs inside the EJB's
 * container-managed transaction (interceptors share the business method's transaction), so the
 * binding applies to exactly that transaction's EntityManager and connection.
 */
@CompanyScoped
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class CompanyScopedInterceptor {

    @Inject
    Caller caller;

    @Inject
    Tenancy tenancy;

    @AroundInvoke
    public Object bindCallerCompany(InvocationContext invocation) throws Exception {
        Long companyId = caller.companyId();
        if (companyId == null) {
            // Fail closed: without a company there is nothing a company endpoint may see.
            throw Problems.forbidden("This operation acts on a company; the caller belongs to none.");
        }
        tenancy.bindToTransaction(companyId);
        return invocation.proceed();
    }
}
