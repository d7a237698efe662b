package com.licenseflow.request.process;

import com.licenseflow.request.LicenseEndProcess;
import com.licenseflow.request.LicenseRequest;
import com.licenseflow.request.LicenseRequestProcess;
import com.licenseflow.request.RequestedUser;
import com.licenseflow.shared.Words;
import com.licenseflow.workflow.TaskSubject;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** A license request's tasks are about its product and its people: "Business Standard for Liam Smit". */
@Component
class LicenseRequestTaskSubject implements TaskSubject {

    private static final int NAMES_SHOWN = 3;

    private final LicenseRequestOfInstance requests;

    LicenseRequestTaskSubject(LicenseRequestOfInstance requests) {
        this.requests = requests;
    }

    /** license-end.bpmn runs as a call activity of the request: its tasks are about the same license. */
    @Override
    public Set<String> processKeys() {
        return Set.of(LicenseRequestProcess.KEY, LicenseEndProcess.KEY);
    }

    @Override
    public Optional<String> of(DelegateTask task) {
        return Optional.of(words(requests.of(task.getExecution())));
    }

    /** "Business Standard for Liam Smit and 2 colleagues"; the requester always named, so a list tells them apart. */
    static String words(LicenseRequest request) {
        List<RequestedUser> users = request.users();
        boolean forThemselves = users.stream().anyMatch(u -> u.userId().equals(request.requesterId()));
        if (forThemselves) {
            int colleagues = users.size() - 1;
            return request.productName() + " for " + request.requesterName()
                    + (colleagues == 0 ? "" : " and " + Words.count(colleagues, "colleague", "colleagues"));
        }
        String who = users.size() <= NAMES_SHOWN
                ? users.stream().map(RequestedUser::displayName).collect(Words.and())
                : Words.count(users.size(), "user", "users");
        return request.productName() + " for " + who + ", asked by " + request.requesterName();
    }
}
