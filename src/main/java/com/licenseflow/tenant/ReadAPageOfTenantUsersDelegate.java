package com.licenseflow.tenant;

import com.licenseflow.workflow.ProcessBean;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * One page of the tenant's users into the directory, with the link to the page after it, in the job's
 * transaction: "More pages of users?" and a restart both know where to go on.
 */
@Component("readAPageOfTenantUsers")
@ProcessBean
class ReadAPageOfTenantUsersDelegate implements JavaDelegate {

    private final TenantUsers users;

    ReadAPageOfTenantUsersDelegate(TenantUsers users) {
        this.users = users;
    }

    @Override
    public void execute(DelegateExecution execution) {
        TenantUsers.Page page = users.readNextPage();
        execution.setVariable("morePagesOfUsers", page.more());
        Integer before = (Integer) execution.getVariable("usersRead");
        execution.setVariable("usersRead", (before == null ? 0 : before) + page.users());
    }
}
