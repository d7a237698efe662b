package com.licenseflow.centralization;

import com.licenseflow.inventory.catalog.ProductCatalog;
import com.licenseflow.inventory.directory.DirectoryRepository;
import com.licenseflow.inventory.directory.DirectoryUser;
import com.licenseflow.notification.Notification;
import com.licenseflow.notification.NotificationKind;
import com.licenseflow.shared.Money;
import com.licenseflow.shared.Words;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Which emails a centralization campaign sends (S5): each purchaser is asked to cancel their
 * self-service subscription (naming the users who now have a central license) and reminded while
 * it is live; the admin gets the summary at the end. Idempotency keys name the campaign, the
 * subscription and the occasion (the reminder's number), so a retried step never mails twice.
 */
@Component
public class CentralizationMails {

    static final int USERS_LISTED = 50;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy");

    private final Money money;
    private final CentralizationRepository campaigns;
    private final CentralizationRows rows;
    private final ProductCatalog catalog;
    private final DirectoryRepository directory;
    private final Clock clock;

    public CentralizationMails(
            Money money,
            CentralizationRepository campaigns,
            CentralizationRows rows,
            ProductCatalog catalog,
            DirectoryRepository directory,
            Clock clock) {
        this.money = money;
        this.campaigns = campaigns;
        this.rows = rows;
        this.catalog = catalog;
        this.directory = directory;
        this.clock = clock;
    }

    public List<Notification> cancelRequest(long centralizationId, long subscriptionId) {
        CampaignSubscription asked = campaigns.subscription(centralizationId, subscriptionId);
        Map<String, Object> model = toPurchaserModel(centralizationId, asked);
        return toPurchaser(
                centralizationId, asked, "cancel-request", NotificationKind.CENTRALIZATION_CANCEL_REQUEST, model);
    }

    /** The {@code number}th reminder (1, 2, ...). */
    public List<Notification> reminder(long centralizationId, long subscriptionId, int number) {
        CampaignSubscription waiting = campaigns.subscription(centralizationId, subscriptionId);
        return toPurchaser(
                centralizationId,
                waiting,
                "reminder-" + number,
                NotificationKind.CENTRALIZATION_REMINDER,
                toPurchaserModel(centralizationId, waiting));
    }

    public List<Notification> summary(long centralizationId, String adminId, CentralizationProgress progress) {
        Centralization campaign = campaigns.require(centralizationId);
        DirectoryUser admin = directory.find(adminId).orElse(null);
        if (admin == null) {
            return List.of();
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("product", catalog.require(campaign.productId()).name());
        model.put(
                "users",
                listed(rows.centralizedUsers(centralizationId, null, USERS_LISTED), progress.usersCentralized()));
        model.put(
                "cancelledSubscriptions",
                Words.count(
                        progress.subscriptionsCancelled(), "self-service subscription", "self-service subscriptions"));
        model.put(
                "savings",
                money.of(progress.yearlySavings()) + " per year (self-service purchases "
                        + money.of(progress.selfServiceYearlyCost()) + " per year, the same users centrally "
                        + money.of(progress.centralYearlyCost()) + " per year)");
        return List.of(new Notification(
                "centralization:" + centralizationId + ":summary:" + admin.id(),
                NotificationKind.CENTRALIZATION_SUMMARY,
                admin.email(),
                admin.displayName(),
                model,
                campaign.processInstanceId(),
                null,
                null));
    }

    private Map<String, Object> toPurchaserModel(long centralizationId, CampaignSubscription subscription) {
        Centralization campaign = campaigns.require(centralizationId);
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("product", catalog.require(campaign.productId()).name());
        model.put(
                "users",
                listed(
                        rows.centralizedUsers(centralizationId, subscription.subscriptionId(), USERS_LISTED),
                        rows.countCentralized(centralizationId, subscription.subscriptionId())));
        model.put("deadline", day(subscription.deadline()));
        return model;
    }

    private String day(Instant instant) {
        return instant == null ? null : DAY.format(instant.atZone(clock.getZone()));
    }

    private static List<String> listed(List<String> names, int count) {
        List<String> listed = new ArrayList<>(names);
        if (listed.isEmpty()) {
            listed.add("(none: nobody held a license of it any more)");
        }
        int more = count - names.size();
        if (more > 0) {
            listed.add("... and " + more + " more");
        }
        return listed;
    }

    private List<Notification> toPurchaser(
            long centralizationId,
            CampaignSubscription subscription,
            String occasion,
            NotificationKind kind,
            Map<String, Object> model) {
        DirectoryUser purchaser = directory.find(subscription.purchaserId()).orElse(null);
        if (purchaser == null) {
            return List.of();
        }
        return List.of(new Notification(
                "centralization:" + centralizationId + ":subscription:" + subscription.subscriptionId() + ":"
                        + occasion,
                kind,
                purchaser.email(),
                purchaser.displayName(),
                model,
                campaigns.require(centralizationId).processInstanceId(),
                subscription.subscriptionId(),
                null));
    }
}
