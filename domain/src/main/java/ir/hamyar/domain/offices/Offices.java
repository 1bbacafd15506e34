package ir.hamyar.domain.offices;

import ir.hamyar.domain.offices.CreateResult.Reason;
import ir.hamyar.domain.regions.County;
import ir.hamyar.domain.regions.Regions;
import ir.hamyar.domain.shared.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The offices façade. Reads always go to the database (no cache): a suspended office or an unlinked group
 * must stop receiving at once. Methods join the caller's transaction and never leave it rollback-only for an
 * expected outcome.
 */
@Service
@Transactional
public class Offices {

    private static final Logger log = LoggerFactory.getLogger(Offices.class);
    static final int MAX_NAME = 100;
    static final int MIN_NAME = 2;
    static final int MAX_NEIGHBOURHOOD = 80;
    static final int MAX_ADDRESS = 300;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_URL = 300;

    private final OfficeRows rows;
    private final LinkCodes codes;
    private final Regions regions;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    Offices(OfficeRows rows, LinkCodes codes, Regions regions, ObjectProvider<Clock> clock,
            ApplicationEventPublisher events) {
        this.rows = rows;
        this.codes = codes;
        this.regions = regions;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.events = events;
    }

    // ---- lookups ----

    @Transactional(readOnly = true)
    public Optional<OfficeView> find(long id) {
        return rows.find(id);
    }

    /** Every office of the province (any status): the province office first, then by county and name. */
    @Transactional(readOnly = true)
    public List<OfficeView> ofProvince(int provinceId) {
        return rows.ofProvince(provinceId);
    }

    /** Every office of the county (any status): the county office first, then local centres by name. */
    @Transactional(readOnly = true)
    public List<OfficeView> ofCounty(int countyId) {
        return rows.ofCounty(countyId);
    }

    /** The province's active province office. */
    @Transactional(readOnly = true)
    public Optional<OfficeView> provinceOffice(int provinceId) {
        return rows.activeBySlot(Slots.province(provinceId));
    }

    /** The county's active county office. */
    @Transactional(readOnly = true)
    public Optional<OfficeView> countyOffice(int countyId) {
        return rows.activeBySlot(Slots.county(countyId));
    }

    /** The county's active local centres by name. */
    @Transactional(readOnly = true)
    public List<OfficeView> localCentres(int countyId) {
        return rows.activeLocalCentres(countyId);
    }

    /**
     * The chain a local problem goes up, nearest first: the active local centre of that neighbourhood (when
     * there is one), the active county office, the active province office. Empty means nobody but the admins;
     * an unknown county gives an empty list.
     */
    @Transactional(readOnly = true)
    public List<OfficeView> routeFor(int countyId, String neighbourhoodOrNull) {
        Optional<County> county = regions.county(countyId);
        if (county.isEmpty()) {
            return List.of();
        }
        List<OfficeView> route = new ArrayList<>(3);
        String key = Slots.neighbourhoodKey(neighbourhoodOrNull);
        if (!key.isEmpty()) {
            rows.activeBySlot(Slots.local(countyId, key)).ifPresent(route::add);
        }
        rows.activeBySlot(Slots.county(countyId)).ifPresent(route::add);
        rows.activeBySlot(Slots.province(county.get().provinceId())).ifPresent(route::add);
        return List.copyOf(route);
    }

    /** The office's parent, then grandparent (whatever their status); empty for an unknown or top office. */
    @Transactional(readOnly = true)
    public List<OfficeView> ancestors(long officeId) {
        List<OfficeView> chain = new ArrayList<>(2);
        Optional<OfficeView> current = rows.find(officeId);
        // the hierarchy has three levels; the bound also protects against a damaged parent chain
        for (int depth = 0; depth < OfficeLevel.values().length && current.isPresent(); depth++) {
            Long parent = current.get().parentId();
            current = parent == null ? Optional.empty() : rows.find(parent);
            current.ifPresent(chain::add);
        }
        return List.copyOf(chain);
    }

    /** The office whose alert channel this group chat is. */
    @Transactional(readOnly = true)
    public Optional<OfficeView> byGroup(Platform platform, long chatId) {
        return platform == null ? Optional.empty() : rows.byGroup(platform, chatId);
    }

    /**
     * Where donations to this office go: its own link for province and county offices; for a local centre its
     * county office's (or, if that has none, the province office's). Null when there is none or no office.
     */
    @Transactional(readOnly = true)
    public String donationUrlFor(long officeId) {
        Optional<OfficeView> office = rows.find(officeId);
        if (office.isEmpty()) {
            return null;
        }
        if (office.get().donationUrl() != null) {
            return office.get().donationUrl();
        }
        for (OfficeView ancestor : ancestors(officeId)) {
            if (ancestor.donationUrl() != null) {
                return ancestor.donationUrl();
            }
        }
        return null;
    }

    // ---- creation and status ----

    /**
     * Creates an office from trusted input (approval of a founding application, admin seeding, tests).
     *
     * @throws IllegalArgumentException with the refusal reason when the office cannot be created; callers
     *                                  that must not fail use {@link #establish(NewOffice)}
     */
    public OfficeView create(NewOffice cmd) {
        CreateResult result = establish(cmd);
        if (result instanceof CreateResult.Created created) {
            return created.office();
        }
        throw new IllegalArgumentException("office not created: " + ((CreateResult.Refused) result).reason());
    }

    /** Creates an active office, or says why not (then nothing changed). Race-safe: one active office per region. */
    public CreateResult establish(NewOffice cmd) {
        Objects.requireNonNull(cmd, "cmd");
        if (cmd.level() == null) {
            return refused(Reason.INVALID_LEVEL);
        }
        if (regions.province(cmd.provinceId()).isEmpty()) {
            return refused(Reason.UNKNOWN_PROVINCE);
        }
        boolean hasCounty = cmd.level() != OfficeLevel.PROVINCE;
        if (hasCounty && (cmd.countyId() == null || !regions.countyBelongsTo(cmd.countyId(), cmd.provinceId()))) {
            return refused(Reason.COUNTY_NOT_IN_PROVINCE);
        }
        String neighbourhood = null;
        String neighbourhoodKey = null;
        if (cmd.level() == OfficeLevel.LOCAL) {
            neighbourhood = Slots.tidy(cmd.neighbourhood());
            neighbourhoodKey = Slots.neighbourhoodKey(neighbourhood);
            if (neighbourhoodKey.isEmpty() || neighbourhood.length() > MAX_NEIGHBOURHOOD) {
                return refused(Reason.NEIGHBOURHOOD_REQUIRED);
            }
        }
        String name = Slots.tidy(cmd.name());
        if (name.length() < MIN_NAME || name.length() > MAX_NAME) {
            return refused(Reason.INVALID_NAME);
        }
        String address = blankToNull(cmd.address());
        String description = blankToNull(cmd.description());
        if ((address != null && address.length() > MAX_ADDRESS)
                || (description != null && description.length() > MAX_DESCRIPTION)) {
            return refused(Reason.INVALID_TEXT);
        }
        String donationUrl = cmd.level() == OfficeLevel.LOCAL ? null : blankToNull(cmd.donationUrl());
        if (donationUrl != null && !validUrl(donationUrl)) {
            return refused(Reason.INVALID_DONATION_URL);
        }
        String permit = blankToNull(cmd.foundingPermitNo());
        if (permit != null && rows.permitTaken(permit)) {
            return refused(Reason.PERMIT_NUMBER_TAKEN);
        }
        Long parentId = null;
        String slot;
        switch (cmd.level()) {
            case PROVINCE -> slot = Slots.province(cmd.provinceId());
            case COUNTY -> {
                slot = Slots.county(cmd.countyId());
                parentId = provinceOffice(cmd.provinceId()).map(OfficeView::id).orElse(null);
            }
            default -> {
                slot = Slots.local(cmd.countyId(), neighbourhoodKey);
                Optional<OfficeView> parent = countyOffice(cmd.countyId());
                if (parent.isEmpty()) {
                    return refused(Reason.PARENT_OFFICE_MISSING);
                }
                parentId = parent.get().id();
            }
        }
        if (rows.activeBySlot(slot).isPresent()) {
            return refused(Reason.REGION_ALREADY_HAS_OFFICE);
        }
        OptionalLong id = rows.insert(new OfficeRows.Insert(cmd.level(), parentId, cmd.provinceId(),
                hasCounty ? cmd.countyId() : null, neighbourhood, neighbourhoodKey, name, address, description,
                slot, donationUrl, permit, clock.instant()));
        if (id.isEmpty()) { // lost a race to a concurrent creation
            return refused(permit != null && rows.permitTaken(permit)
                    ? Reason.PERMIT_NUMBER_TAKEN : Reason.REGION_ALREADY_HAS_OFFICE);
        }
        if (cmd.level() == OfficeLevel.PROVINCE) {
            rows.adoptOrphanCounties(cmd.provinceId(), id.getAsLong());
        }
        events.publishEvent(new OfficeCreated(id.getAsLong(), cmd.level(), parentId));
        log.info("office {} created ({})", id.getAsLong(), cmd.level());
        return new CreateResult.Created(rows.find(id.getAsLong()).orElseThrow());
    }

    /** Suspends, closes or reactivates an office. A closed office stays closed. */
    public StatusChange changeStatus(long officeId, OfficeStatus status) {
        Objects.requireNonNull(status, "status");
        Optional<OfficeView> found = rows.lock(officeId);
        if (found.isEmpty()) {
            return StatusChange.NO_SUCH_OFFICE;
        }
        OfficeView office = found.get();
        if (office.status().equals(status.name())) {
            return StatusChange.UNCHANGED;
        }
        if (OfficeStatus.CLOSED.name().equals(office.status())) {
            return StatusChange.NOT_ALLOWED;
        }
        String slot = status == OfficeStatus.ACTIVE ? Slots.of(office) : null;
        if (!rows.setStatus(officeId, status, slot)) {
            return StatusChange.REGION_ALREADY_HAS_OFFICE;
        }
        log.info("office {} is now {}", officeId, status);
        return StatusChange.CHANGED;
    }

    /** Sets a province or county office's donation link (https only); false for a local centre or bad link. */
    public boolean setDonationUrl(long officeId, String url) {
        Optional<OfficeView> office = rows.find(officeId);
        String clean = blankToNull(url);
        if (office.isEmpty() || office.get().level() == OfficeLevel.LOCAL || (clean != null && !validUrl(clean))) {
            return false;
        }
        rows.setDonationUrl(officeId, clean);
        return true;
    }

    // ---- the manager group ----

    /**
     * A fresh one-time code (8 characters, valid 15 minutes) for linking a group chat to the office; earlier
     * unused codes of the office stop working. The caller has checked that the asker manages the office.
     *
     * @throws IllegalArgumentException for an unknown or inactive office
     */
    public LinkCode issueLinkCode(long officeId, Instant now) {
        OfficeView office = rows.find(officeId)
                .filter(OfficeView::isActive)
                .orElseThrow(() -> new IllegalArgumentException("no active office " + officeId));
        return codes.issue(office.id(), now);
    }

    /** Makes the group the alert channel of the code's office (replacing the office's previous group). */
    public LinkResult linkGroup(String code, Platform platform, long chatId, Instant now) {
        Objects.requireNonNull(platform, "platform");
        Optional<Long> officeId = codes.spend(code, now);
        if (officeId.isEmpty()) {
            return new LinkResult.Rejected(LinkResult.Reason.INVALID_CODE);
        }
        OfficeView office = rows.lock(officeId.get()).orElseThrow();
        if (!office.isActive()) {
            return new LinkResult.Rejected(LinkResult.Reason.OFFICE_NOT_ACTIVE);
        }
        Optional<OfficeView> holder = rows.byGroup(platform, chatId);
        if (holder.isPresent() && holder.get().id() != office.id()) {
            return new LinkResult.Rejected(LinkResult.Reason.GROUP_LINKED_TO_OTHER_OFFICE);
        }
        OfficeView.GroupChat previous = holder.isPresent() ? null : office.group();
        rows.linkGroup(office.id(), platform, chatId, now);
        events.publishEvent(new OfficeGroupLinked(office.id(), platform, chatId));
        log.info("office {} linked a group on {}", office.id(), platform);
        return new LinkResult.Linked(rows.find(office.id()).orElseThrow(), previous);
    }

    /** The office has no alert channel any more (a manager unlinked it). Nothing happens if none was linked. */
    public void unlinkGroup(long officeId) {
        if (rows.unlinkGroup(officeId)) {
            log.info("office {} unlinked its group", officeId);
        }
    }

    /** The bot was removed from a group: if it was an office's channel, unlink it and say so. */
    public void groupLost(Platform platform, long chatId) {
        Optional<OfficeView> office = byGroup(platform, chatId);
        if (office.isPresent() && rows.unlinkGroup(office.get().id())) {
            events.publishEvent(new OfficeGroupLost(office.get().id()));
            log.info("office {} lost its group", office.get().id());
        }
    }

    private static CreateResult refused(Reason reason) {
        return new CreateResult.Refused(reason);
    }

    private static String blankToNull(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip();
        return s.isEmpty() ? null : s;
    }

    private static boolean validUrl(String url) {
        if (url.length() > MAX_URL || !url.toLowerCase(Locale.ROOT).startsWith("https://")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
