package com.licenseflow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.licenseflow.support.Api;
import com.licenseflow.support.DemoInBrowser;
import com.licenseflow.support.Tasklist;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every path of license-request.bpmn through Tasklist's own pages in Chromium, against the packaged
 * jar with fresh demo data: employees ask on the start form, alice (Global administrator) decides on
 * the review form and resolves seat shortages. The tests run in order on one inventory; each says
 * which demo seats it uses. What changed is read back through LicenseFlow's API.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LicenseRequestTasklistIT {

    private static final String STANDARD = "Microsoft 365 Business Standard";
    private static final String PREMIUM = "Microsoft 365 Business Premium";
    private static final String GROUP_TASKS = "My group's tasks";
    private static final String MY_TASKS = "My tasks";

    private static DemoInBrowser demo;
    private static Api alice;

    @BeforeAll
    static void start() {
        demo = DemoInBrowser.start("requests");
        alice = demo.api().as("alice");
    }

    @AfterAll
    static void stop() {
        if (demo != null) {
            demo.close();
        }
    }

    private Tasklist as(String user) {
        return demo.tasklist(user);
    }

    private void ask(String user, String product, String colleagues) {
        try (Tasklist tasklist = as(user)) {
            tasklist.startForm("License request approval")
                    .fill("Product", product)
                    .fill("Colleagues who also need it", colleagues)
                    .fill("Why is it needed?", "New project");
            tasklist.start();
        }
    }

    /**
     * The approval policy's first stage: the requester's manager approves in "My tasks" (the demo's
     * org chart), and the request goes on to the review.
     */
    private void managerApproves(String manager, String requesterName) {
        try (Tasklist stage = as(manager).open(MY_TASKS, "Approve license request")) {
            lastRequester = requesterName;
            assertThat(stage.text()).contains("Approval stage 1 of 2", requesterName + " asks for");
            stage.check("Approve: pass it on to the next stage");
            stage.complete();
        }
    }

    /** The last stage: a License administrator for Business Standard, a Global administrator above 20.00. */
    private Tasklist review(String reviewer) {
        // Tasklist's list names each review's requester: the one just approved, not another request's.
        return as(reviewer).open(GROUP_TASKS, lastRequester == null ? "Review license request" : lastRequester);
    }

    private String lastRequester;

    private Set<String> products(String user) {
        return StreamSupport.stream(
                        alice.get("/api/users/" + user + "/licenses").json().spliterator(), false)
                .map(l -> l.path("productId").asText())
                .collect(Collectors.toSet());
    }

    private JsonNode latestRequestOf(String requester) {
        JsonNode all = alice.get("/api/license-requests?status=completed").json();
        return StreamSupport.stream(all.spliterator(), false)
                .filter(r -> r.path("requesterId").asText().equals(requester))
                .findFirst()
                .orElseThrow(() -> new AssertionError("No completed request of " + requester + ": " + all));
    }

    private static Map<String, String> outcomes(JsonNode request) {
        return StreamSupport.stream(request.path("users").spliterator(), false)
                .collect(Collectors.toMap(
                        u -> u.path("userId").asText(), u -> u.path("outcome").asText()));
    }

    @Test
    @Order(1)
    void aProductPeopleBuyThemselvesNeedsNoRequestAndTheyAreToldSoInWords() {
        try (Tasklist julia = as("julia")) {
            julia.startForm("License request approval")
                    .fill("Product", "Power BI Pro")
                    .fill("Why is it needed?", "Dashboards");
            String refusal = julia.startRefused();
            assertThat(refusal)
                    .contains("you can buy Power BI Pro yourself as a self-service purchase")
                    .doesNotContain("/api/", "POWER_BI_PRO");
            julia.fill("Product", "Business Standard");
            assertThat(julia.startRefused()).contains("Did you mean " + STANDARD);
            julia.screenshot("request-license");
        }
    }

    @Test
    @Order(2)
    void approvedForEveryone() {
        ask("julia", STANDARD, "milan");
        managerApproves("sara", "Julia Eriksson");
        try (Tasklist review = review("lars")) {
            assertThat(review.text())
                    .contains("Julia Eriksson asked", "for 2 users", STANDARD + " - 6 seats available");
            review.check("Approve (for the users ticked below)");
            review.screenshot("review-license-request");
            review.complete();
        }
        assertThat(products("julia")).contains("O365_BUSINESS_PREMIUM");
        assertThat(products("milan")).contains("O365_BUSINESS_PREMIUM");
        assertThat(latestRequestOf("julia").path("status").asText()).isEqualTo("APPROVED");
    }

    @Test
    @Order(3)
    void approvedForSomeTheOthersAreDenied() {
        ask("sem", STANDARD, "lotte");
        managerApproves("finn", "Sem de Boer");
        try (Tasklist review = review("lars")) {
            review.check("Approve (for the users ticked below)").uncheck("Lotte Brouwer <lotte@contoso.example>");
            review.complete();
        }
        JsonNode decided = latestRequestOf("sem");
        assertThat(decided.path("status").asText()).isEqualTo("PARTLY_APPROVED");
        assertThat(outcomes(decided)).containsOnly(Map.entry("sem", "APPROVED"), Map.entry("lotte", "DENIED"));
        assertThat(products("lotte")).doesNotContain("O365_BUSINESS_PREMIUM");
    }

    @Test
    @Order(4)
    void deniedOnlyWithTheConfirmationTheFormAsksFor() {
        ask("bram", STANDARD, "");
        managerApproves("mia", "Bram de Graaf");
        try (Tasklist review = review("lars")) {
            review.check("Deny the whole request");
            review.expectText("Tick the confirmation to deny the request.");
            assertThat(review.completeRefused())
                    .contains("Denying refuses the whole request.")
                    .doesNotContain("all 1 users");
            review.check("Yes, deny this request for every user in it");
            review.expectNoText("Tick the confirmation");
            review.complete();
        }
        assertThat(latestRequestOf("bram").path("status").asText()).isEqualTo("DENIED");
        assertThat(products("bram")).isEmpty();
    }

    @Test
    @Order(5)
    void servedFromAProductThatStandsIn() {
        ask("lotte", STANDARD, "");
        managerApproves("mia", "Lotte Brouwer");
        try (Tasklist review = review("lars")) {
            review.check("Approve (for the users ticked below)")
                    .select("Assign licenses from", PREMIUM + " - 3 seats available");
            review.complete();
        }
        assertThat(products("lotte")).containsExactly("SPB");
    }

    @Test
    @Order(6)
    void aSeatShortageIsResolvedByLeavingUsersOut() {
        // Premium has 2 seats free now (lotte took one); three users ask.
        ask("bram", PREMIUM, "sem, milan");
        managerApproves("mia", "Bram de Graaf");
        try (Tasklist review = review("alice")) {
            review.check("Approve (for the users ticked below)");
            review.complete();
        }
        try (Tasklist shortage = as("alice").open(GROUP_TASKS, "Resolve seat shortage")) {
            assertThat(shortage.text()).contains("Not enough licenses", "3 users need one but only 2 are available");
            shortage.check("Leaving some users out");
            shortage.screenshot("resolve-seat-shortage");
            shortage.uncheck("Milan Jacobs <milan@contoso.example>");
            shortage.complete();
        }
        assertThat(products("bram")).contains("SPB");
        assertThat(products("sem")).contains("SPB");
        assertThat(products("milan")).doesNotContain("SPB");
        assertThat(outcomes(latestRequestOf("bram"))).containsEntry("milan", "DENIED");
    }

    @Test
    @Order(7)
    void aSeatShortageIsResolvedByBuyingSeats() {
        // Premium is full now.
        ask("finn", PREMIUM, "sara");
        managerApproves("alice", "Finn Hendriks");
        try (Tasklist review = review("alice")) {
            review.check("Approve (for the users ticked below)");
            review.complete();
        }
        try (Tasklist shortage = as("alice").open(GROUP_TASKS, "Resolve seat shortage")) {
            shortage.check("Buying more seats on a subscription");
            shortage.expectText("Choose the subscription to add seats to.");
            shortage.select("Subscription to add seats to", PREMIUM + ": 0 of 8 seats free");
            shortage.fill("Seats to buy", "0");
            shortage.expectText("Buy between 1 and 10,000 seats.");
            shortage.fill("Seats to buy", "2");
            shortage.expectNoText("Buy between 1 and 10,000 seats.");
            shortage.complete();
        }
        assertThat(products("finn")).contains("SPB");
        assertThat(products("sara")).contains("SPB");
    }

    @Test
    @Order(8)
    void aSeatShortageIsResolvedFromAnotherSubscriptionAndAConflictIsShownBeforeCompleting() {
        // Standard has 3 seats free: an admin gives them away through the API; Premium gets 2 more seats.
        assertThat(alice.post(
                                "/api/licenses/O365_BUSINESS_PREMIUM/assignments",
                                "{\"userIds\":[\"emma\",\"noah\",\"olivia\"]}")
                        .status())
                .isEqualTo(200);
        long premium = StreamSupport.stream(
                        alice.get("/api/subscriptions?kind=central&productId=SPB")
                                .json()
                                .spliterator(),
                        false)
                .filter(s -> s.path("quantity").asInt() == 10)
                .findFirst()
                .orElseThrow()
                .path("id")
                .asLong();
        assertThat(alice.post("/api/subscriptions/" + premium + "/seats", "{\"seats\":2}")
                        .status())
                .isEqualTo(200);

        // tess holds Teams Exploratory, which cannot be on together with Microsoft Teams.
        ask("tess", STANDARD, "");
        managerApproves("mia", "Tess Vos");
        try (Tasklist review = review("lars")) {
            review.check("Approve (for the users ticked below)");
            String conflict = "Tess Vos holds Microsoft Teams Exploratory, whose Microsoft Teams Exploratory cannot be "
                    + "on together with Microsoft Teams";
            assertThat(review.text()).contains(conflict);
            review.uncheck("Microsoft Teams");
            review.expectNoText(conflict);
            review.complete();
        }
        try (Tasklist shortage = as("alice").open(GROUP_TASKS, "Resolve seat shortage")) {
            shortage.check("Assigning from another subscription")
                    .select("Subscription to assign from", PREMIUM + ": 2 of 12 seats free");
            shortage.complete();
        }
        JsonNode tess = StreamSupport.stream(
                        alice.get("/api/users/tess/licenses").json().spliterator(), false)
                .filter(l -> l.path("productId").asText().equals("SPB"))
                .findFirst()
                .orElseThrow();
        assertThat(tess.path("disabledServicePlans"))
                .extracting(JsonNode::asText)
                .containsExactly("TEAMS1");
    }

    /**
     * A license asked for until a day: the notice is due at once (the day is close), the manager asks
     * for an extension from "Offered to me", the request's last stage (here the request approvers, as
     * Teams Exploratory is approved automatically) approves it; both forms in the real Tasklist.
     */
    @Test
    @Order(9)
    void aLicenseThatEndsIsExtendedByTheManagerAndApprovedInTasklist() {
        java.time.LocalDate tomorrow = java.time.LocalDate.now().plusDays(1);
        java.time.LocalDate extended = tomorrow.plusMonths(2);
        try (Tasklist nora = as("nora")) {
            nora.startForm("License request approval")
                    .fill("Product", "Microsoft Teams Exploratory")
                    .fill("Why is it needed?", "Workshop with a customer")
                    .date("License needed until (optional)", tomorrow);
            nora.start();
        }
        assertThat(license("nora", "TEAMS_EXPLORATORY").path("endsOn").asText()).isEqualTo(tomorrow.toString());

        try (Tasklist ask = as("finn").awaitTask("Offered to me", "Ask for an extension", 60)) {
            assertThat(ask.text()).contains("Microsoft Teams Exploratory of Nora Dekker ends on");
            ask.date("Needed until", extended).fill("Why it is still needed", "The workshop runs two more months");
            ask.screenshot("ask-for-license-extension");
            ask.complete();
        }
        try (Tasklist approve = as("alice").open(GROUP_TASKS, "Approve license extension")) {
            assertThat(approve.field("Why it is still needed, as they wrote it").inputValue())
                    .isEqualTo("The workshop runs two more months");
            approve.check("Extend the licenses until that day");
            approve.screenshot("approve-license-extension");
            approve.complete();
        }
        assertThat(license("nora", "TEAMS_EXPLORATORY").path("endsOn").asText()).isEqualTo(extended.toString());
    }

    private JsonNode license(String user, String productId) {
        return StreamSupport.stream(
                        alice.get("/api/users/" + user + "/licenses").json().spliterator(), false)
                .filter(l -> l.path("productId").asText().equals(productId))
                .findFirst()
                .orElseThrow();
    }
}
