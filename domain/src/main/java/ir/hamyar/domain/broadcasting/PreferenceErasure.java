package ir.hamyar.domain.broadcasting;

import ir.hamyar.domain.membership.MemberErased;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** An erased member's preferences go with the rest of their data, in the erasing transaction. */
@Component
class PreferenceErasure {

    private final DeliveryPreferences preferences;

    PreferenceErasure(DeliveryPreferences preferences) {
        this.preferences = preferences;
    }

    @EventListener
    void on(MemberErased erased) {
        preferences.forget(erased.memberId());
    }
}
