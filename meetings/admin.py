"""The admin is where staff correct extracted records and extend the knowledge base.

Every save through the admin marks the changed fields as curated (who, when,
which fields) so the ingest never overwrites them; every change is kept by
django-simple-history and can be reverted from the record's History page.
"""
from django import forms
from django.contrib import admin, messages
from django.contrib.admin.widgets import RelatedFieldWidgetWrapper
from django.db import models, transaction
from django.db.models import Count
from django.shortcuts import render
from django.urls import reverse
from django.utils.html import format_html
from simple_history.admin import SimpleHistoryAdmin
from simple_history.utils import get_m2m_reverse_field_name

from . import search
from .history import record
from .merge import merge_meetings, merge_officials
from .models import (
    Commitment, Country, CountryGroup, Curated, GroupMembership, Meeting, Office, Official, Participant, ReviewStatus,
    Source, Statement, Tenure,
)
from .templatetags.browse import span_url


def curated_fields_of(form, adding):
    if adding:
        return [name for name in form.fields if name not in ("DELETE", "id", "meeting")]
    return list(form.changed_data)


def curate_participants(meetings, user):
    """Staff adding, removing or moving a participant curate the meeting's participants: the ingest no longer adds
    or removes any (the relation's marker is "participants" in the meeting's curated fields)."""
    for meeting in meetings:
        if meeting is not None and "participants" not in meeting.curated_fields:
            meeting.mark_curated(user, ["participants"])
            meeting.save()


class HistoryAdmin(SimpleHistoryAdmin):
    """Restoring a version from History restores the many-to-many values it had (the fields its history tracks),
    not only its own fields: the revert form starts from them. One save is one History entry."""

    def save_model(self, request, obj, form, change):
        """The record's fields and its many-to-many fields (a statement's text and speakers) are one entry, taken
        once the form has written both: its save_m2m follows this on the change page, in a list's editable
        columns and when a version is restored."""
        obj.skip_history_when_saving = True
        super().save_model(request, obj, form, change)
        save_m2m = form.save_m2m

        def save_m2m_then_record():
            save_m2m()
            del obj.skip_history_when_saving
            record(obj, "~" if change else "+", getattr(obj, "_change_reason", None))

        form.save_m2m = save_m2m_then_record

    def get_form(self, request, obj=None, **kwargs):
        form_class = super().get_form(request, obj, **kwargs)
        version = getattr(obj, "_history", None)
        if version is None:
            return form_class
        values = {field.name: [getattr(row, get_m2m_reverse_field_name(field) + "_id")
                               for row in getattr(version, field.name).all()]
                  for field in version._history_m2m_fields}

        class VersionForm(form_class):
            def __init__(self, *args, **form_kwargs):
                super().__init__(*args, **form_kwargs)
                for name, ids in values.items():
                    if name in self.fields and getattr(self.instance, "_history", None) is not None:
                        self.initial[name] = ids

        return VersionForm


class RefreshesSearchMixin:
    """Rebuilds the search documents of the meetings a save or delete touches (meetings/search.py).

    After save_model (also reached from a History revert and a list edit) and again after
    save_related, once the inlines and many-to-many fields are written. A deleted meeting's
    document goes with it; deleting a record it was built from refreshes it.
    """

    def refresh_search(self, meeting_ids):
        search.refresh(meeting_ids)

    def touched(self, obj, form=None):
        ids = search.meetings_touched_by(obj)
        if form is not None and getattr(form, "initial", None) and form.initial.get("meeting"):
            ids.add(form.initial["meeting"])  # a fact moved to another meeting leaves the first one too
        return ids

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        self.refresh_search(self.touched(obj, form))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        self.refresh_search(self.touched(form.instance))

    def delete_model(self, request, obj):
        ids = self.touched(obj)
        super().delete_model(request, obj)
        self.refresh_search(ids)

    def delete_queryset(self, request, queryset):
        ids = set().union(*(self.touched(obj) for obj in queryset))
        super().delete_queryset(request, queryset)
        self.refresh_search(ids)


class CuratedAdminMixin:
    """Marks what staff changed, on the record itself and on the records of its inlines."""

    readonly_curation = ("curated_fields", "curated_by", "curated_at")

    def save_model(self, request, obj, form, change):
        fields = curated_fields_of(form, adding=not change)
        if getattr(obj, "_history", None) is not None:
            # Restoring a version from History: what differs from the record as it stood is staff's correction.
            live = type(obj).objects.get(pk=obj.pk)
            fields = type(form)(request.POST, request.FILES, instance=live).changed_data
        if fields:
            obj.mark_curated(request.user, fields)
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        if formset.model is Participant and change and any(
                inline_form in formset.deleted_forms and inline_form.instance.pk
                or inline_form.instance._state.adding and inline_form.has_changed() for inline_form in formset.forms):
            curate_participants([form.instance], request.user)
        for inline_form in formset.forms:
            obj = inline_form.instance
            if not inline_form.has_changed() or inline_form in formset.deleted_forms or not hasattr(obj, "mark_curated"):
                continue
            obj.mark_curated(request.user, curated_fields_of(inline_form, adding=obj._state.adding))
        super().save_formset(request, form, formset, change)


class ReviewActionsMixin:
    """The actions "mark verified" and "mark needs review", one History entry per record that changes (by the user,
    with the reason), none for a record already so.

    Verifying a record the ingest writes (a meeting or a fact) also curates ``verified_fields``, all that the ingest
    could change, so the ingest treats it as it treats staff's corrections: never changes those fields or relations,
    never removes the record. Marking it as needing review releases nothing: what staff verified stays as they left
    it until they change it. Officials are never changed by the ingest; only their status changes.
    """

    verified_fields: list[str] = []

    def save_model(self, request, obj, form, change):
        """Setting the status to verified on a meeting's page is the action's verification too."""
        if ("review_status" in form.changed_data and obj.review_status == ReviewStatus.VERIFIED
                and isinstance(obj, Curated)):
            obj.mark_curated(request.user, [*self.verified_fields, "review_status"])
        super().save_model(request, obj, form, change)

    def _mark(self, request, queryset, status, reason):
        changed = unchanged = 0
        for obj in queryset:
            fields = [*self.verified_fields, "review_status"] if status == ReviewStatus.VERIFIED else ["review_status"]
            if obj.review_status == status and (status != ReviewStatus.VERIFIED or not isinstance(obj, Curated)
                                                or set(fields) <= set(obj.curated_fields)):
                unchanged += 1
                continue
            obj.review_status = status
            if isinstance(obj, Curated):
                obj.mark_curated(request.user, fields)
            obj._change_reason = reason
            obj.save()
            changed += 1
        names = self.model._meta.verbose_name_plural
        message = f"{changed} {names} {reason}."
        if unchanged:
            message += f" {unchanged} already were."
        self.message_user(request, message, messages.SUCCESS if changed else messages.INFO)

    @admin.action(description="Mark selected %(verbose_name_plural)s as verified")
    def mark_verified(self, request, queryset):
        self._mark(request, queryset, ReviewStatus.VERIFIED, "marked verified")

    @admin.action(description="Mark selected %(verbose_name_plural)s as needing review")
    def mark_needs_review(self, request, queryset):
        self._mark(request, queryset, ReviewStatus.NEEDS_REVIEW, "marked as needing review")


def source_label(source):
    """A source as staff know it: its title (or address), publisher and publication date, never its id."""
    details = [part for part in (source.publisher, source.published and source.published.strftime("%-d %b %Y")) if part]
    return f"{source} ({', '.join(details)})" if details else str(source)


@admin.display(description="from the source")
def source_sentence(obj):
    """The source a fact came from, linked to its admin page, and the sentence itself (never ids or offsets)."""
    if not obj.source_id:
        return "—"
    link = format_html('<a href="{}">{}</a>', reverse("admin:meetings_source_change", args=[obj.source_id]),
                       source_label(obj.source))
    sentence = obj.source_sentence
    if not sentence:
        return link
    return format_html('<q>{}</q><br><small class="source-of">{} · <a href="{}">in the article</a></small>',
                       sentence, link, span_url(obj))


class AdminLayout:
    """Our admin stylesheet (long titles, addresses and sentences wrap so every page fits the window) and the script
    of the one-line list filters."""
    css = {"all": ["css/admin.css"]}
    js = ["js/admin-filters.js"]


class UsedCountryFilter(admin.RelatedOnlyFieldListFilter):
    """A filter by country (or party, speaker country) that offers only the countries the records have, in one
    drop-down list instead of a column of links."""
    template = "admin/meetings/choice_filter.html"


class ExtractedInline:
    """An inline of facts: the source as its title and sentence, read-only (the source is chosen on the fact's own
    page, the span never by hand). Countries, officials and participants are chosen here, not edited: no
    add/change/delete/view icons beside them, which also keeps each row narrow."""

    extra = 0
    show_change_link = True

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("source")

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        widget = getattr(formfield, "widget", None)
        if isinstance(widget, RelatedFieldWidgetWrapper):
            widget.can_add_related = widget.can_change_related = widget.can_delete_related = False
            widget.can_view_related = False
        return formfield


class ParticipantInline(ExtractedInline, admin.TabularInline):
    """One row a participant, narrow enough for a 1,280 px window (static/css/admin.css sets the column widths)."""
    model = Participant
    autocomplete_fields = ["official", "country"]
    fields = ["name", "role", "country", "official", source_sentence]
    readonly_fields = [source_sentence]


class StatementInline(ExtractedInline, admin.StackedInline):
    model = Statement
    autocomplete_fields = ["speaker_countries"]
    fields = ["text", "direct", "speaker_countries", "speakers", source_sentence, "curated_fields"]
    readonly_fields = [source_sentence, "curated_fields"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 80})}}

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        if obj is not None:
            formset.form.base_fields["speakers"].queryset = obj.participants.all()
        return formset


class CommitmentInline(ExtractedInline, admin.StackedInline):
    model = Commitment
    autocomplete_fields = ["parties"]
    fields = ["text", "parties", ("due", "due_precision"), "status", source_sentence, "curated_fields"]
    readonly_fields = [source_sentence, "curated_fields"]
    formfield_overrides = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 4, "cols": 80})}}


@admin.register(Meeting)
class MeetingAdmin(ReviewActionsMixin, RefreshesSearchMixin, CuratedAdminMixin, HistoryAdmin):
    list_display = ["__str__", "date", "format", "place", "host_country", "review_status", "curated"]
    list_filter = ["review_status", "format", "date_precision", ("date", admin.DateFieldListFilter),
                   ("countries", UsedCountryFilter)]
    search_fields = ["name", "place", "slug"]
    date_hierarchy = "date"
    autocomplete_fields = ["host_country", "countries", "sources"]
    readonly_fields = CuratedAdminMixin.readonly_curation
    inlines = [ParticipantInline, StatementInline, CommitmentInline]
    list_select_related = ["host_country"]
    fieldsets = [
        (None, {"fields": ["name", "slug", ("date", "date_precision"), "format", "place", "host_country", "countries",
                           "review_status", "sources"]}),
        ("Curation", {"fields": CuratedAdminMixin.readonly_curation, "classes": ["collapse"]}),
    ]
    actions = ["mark_verified", "mark_needs_review", "merge_two"]
    verified_fields = ["name", "date", "date_precision", "format", "place", "host_country", "countries",
                       "participants", "sources"]
    Media = AdminLayout

    @admin.display(boolean=True)
    def curated(self, obj):
        return obj.is_curated

    @admin.action(description="Merge two selected meetings (the same meeting)")
    def merge_two(self, request, queryset):
        """Django's delete confirmation, for a merge: which meeting survives, what each holds, then merge or go
        back. Exactly two meetings, else a message and nothing done."""
        chosen = (Meeting.objects.filter(pk__in=queryset.values("pk")).order_by("pk").select_related("host_country")
                  .prefetch_related("countries", "sources"))
        if len(chosen) != 2:
            self.message_user(request, f"Select exactly two meetings to merge ({len(chosen)} selected).",
                              messages.WARNING)
            return None
        form = MergeTargetForm(request.POST if "apply" in request.POST else None, choices=chosen,
                               label="Keep this meeting (its id and address); the other is merged into it",
                               initial={"target": chosen[0].pk},
                               describe=lambda m: f"{m} (id {m.pk}, {m.date_display})")
        if form.is_valid():
            survivor = form.cleaned_data["target"]
            other = next(m for m in chosen if m.pk != survivor.pk)
            with transaction.atomic():
                counts = merge_meetings(Meeting.objects.get(pk=survivor.pk), Meeting.objects.get(pk=other.pk),
                                        request.user)
                self.refresh_search([survivor.pk, other.pk])
            self.message_user(request, f"Merged “{other}” into “{survivor}”: {counts['moved']} fact(s) moved, "
                                       f"{counts['folded']} folded into the same fact of the kept meeting.",
                              messages.SUCCESS)
            return None
        return render(request, "admin/meetings/meeting/merge_confirmation.html", {
            **self.admin_site.each_context(request), "title": "Merge two meetings", "form": form,
            "meetings": chosen, "opts": self.model._meta, "media": self.media,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })


class ExtractedRecordAdmin(ReviewActionsMixin, RefreshesSearchMixin, CuratedAdminMixin, HistoryAdmin):
    """A fact's own page: its source by autocomplete (title, not id) and the sentence it came from; the character
    span is the ingest's and never a form field. Choosing another source drops the span, which pointed into the old one.
    """
    autocomplete_fields = ["meeting", "source"]
    fact_fields = []
    readonly_fields = [source_sentence, "review_status", *CuratedAdminMixin.readonly_curation]
    list_select_related = ["meeting", "source"]
    actions = ["mark_verified", "mark_needs_review"]  # the review status is set by these, shown on the page
    Media = AdminLayout

    def get_fieldsets(self, request, obj=None):
        return [(None, {"fields": ["meeting", *self.fact_fields, "review_status"]}),
                ("Source", {"fields": ["source", source_sentence]}),
                ("Curation", {"fields": CuratedAdminMixin.readonly_curation, "classes": ["collapse"]})]

    def save_model(self, request, obj, form, change):
        if "source" in form.changed_data:
            obj.span_start = obj.span_end = None
        super().save_model(request, obj, form, change)


@admin.register(Participant)
class ParticipantAdmin(ExtractedRecordAdmin):
    list_display = ["name", "role", "country", "official", "meeting", "review_status"]
    list_filter = ["review_status", ("country", UsedCountryFilter), ("official", admin.EmptyFieldListFilter)]
    search_fields = ["name", "role", "official__name"]
    autocomplete_fields = ["meeting", "official", "country", "source"]
    fact_fields = ["name", "role", "country", "official"]
    verified_fields = fact_fields
    list_select_related = ["meeting", "official", "country"]

    def save_model(self, request, obj, form, change):
        if not change or "meeting" in form.changed_data:
            curate_participants([obj.meeting, Meeting.objects.filter(pk=form.initial.get("meeting")).first()],
                                request.user)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        curate_participants([obj.meeting], request.user)
        super().delete_model(request, obj)

    def delete_queryset(self, request, queryset):
        curate_participants(Meeting.objects.filter(participants__in=queryset).distinct(), request.user)
        super().delete_queryset(request, queryset)


@admin.register(Statement)
class StatementAdmin(ExtractedRecordAdmin):
    list_display = ["__str__", "direct", "meeting", "review_status"]
    list_filter = ["review_status", "direct", ("speaker_countries", UsedCountryFilter)]
    search_fields = ["text"]
    autocomplete_fields = ["meeting", "speaker_countries", "speakers", "source"]
    fact_fields = ["text", "direct", "speaker_countries", "speakers"]
    verified_fields = fact_fields


@admin.register(Commitment)
class CommitmentAdmin(ExtractedRecordAdmin):
    list_display = ["__str__", "due", "due_precision", "status", "meeting", "review_status"]
    list_filter = ["review_status", "status", "due_precision", ("parties", UsedCountryFilter)]
    list_editable = ["status"]
    search_fields = ["text"]
    autocomplete_fields = ["meeting", "parties", "source"]
    fact_fields = ["text", "parties", ("due", "due_precision"), "status"]
    verified_fields = ["text", "parties", "due", "due_precision", "status"]


@admin.register(Source)
class SourceAdmin(RefreshesSearchMixin, admin.ModelAdmin):
    list_display = ["__str__", "publisher", "published", "status", "extractor_version", "ingested_at"]
    list_filter = ["status", "publisher", "extractor_version"]
    search_fields = ["title", "url", "file_name", "content_hash"]
    date_hierarchy = "ingested_at"
    readonly_fields = ["content_hash", "content_type", "raw_content", "cleaned_text", "ingested_at",
                       "extractor_version"]
    fieldsets = [
        (None, {"fields": ["title", "publisher", "published", "url", "file_name", "status", "failure_reason"]}),
        ("Ingest", {"fields": ["extractor_version", "ingested_at", "content_type", "content_hash"],
                    "classes": ["collapse"]}),
        ("Text", {"fields": ["cleaned_text", "raw_content"], "classes": ["collapse"]}),
    ]
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}
    Media = AdminLayout


class GroupMembershipInline(admin.TabularInline):
    model = GroupMembership
    extra = 1
    autocomplete_fields = ["country"]


@admin.register(Country)
class CountryAdmin(RefreshesSearchMixin, admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    fields = ["code", "name", "aliases", "demonyms", "places"]


@admin.register(CountryGroup)
class CountryGroupAdmin(admin.ModelAdmin):
    list_display = ["code", "name"]
    search_fields = ["code", "name"]
    inlines = [GroupMembershipInline]


@admin.register(Office)
class OfficeAdmin(HistoryAdmin):
    list_display = ["title", "country"]
    list_filter = [("country", UsedCountryFilter)]
    search_fields = ["title", "country__name"]
    autocomplete_fields = ["country"]
    Media = AdminLayout


class TenureInline(admin.TabularInline):
    model = Tenure
    extra = 1
    autocomplete_fields = ["office"]


class MergeTargetForm(forms.Form):
    """Which of the selected records survives a merge."""
    target = forms.ModelChoiceField(queryset=Official.objects.none(), widget=forms.RadioSelect,
                                    label="Keep this record; the others are merged into it")

    def __init__(self, *args, choices, label=None, describe=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["target"].queryset = choices
        if label:
            self.fields["target"].label = label
        if describe:
            self.fields["target"].label_from_instance = describe


@admin.register(Official)
class OfficialAdmin(ReviewActionsMixin, RefreshesSearchMixin, HistoryAdmin):
    list_display = ["name", "country", "family_name", "review_status", "participations"]
    list_filter = ["review_status", ("country", UsedCountryFilter)]
    search_fields = ["name", "family_name", "slug"]
    autocomplete_fields = ["country"]
    inlines = [TenureInline]
    actions = ["merge_selected", "mark_verified", "mark_needs_review"]
    list_select_related = ["country"]
    Media = AdminLayout

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(participation_count=Count("participations"))

    @admin.display(ordering="participation_count")
    def participations(self, obj):
        return obj.participation_count

    @admin.action(description="Merge selected officials (the same person)")
    def merge_selected(self, request, queryset):
        officials = Official.objects.filter(pk__in=queryset.values("pk")).order_by("pk")
        if officials.count() < 2:
            self.message_user(request, "Select at least two officials to merge.", messages.WARNING)
            return None
        form = MergeTargetForm(request.POST if "apply" in request.POST else None, choices=officials)
        if form.is_valid():
            target = form.cleaned_data["target"]
            with transaction.atomic():
                moved = merge_officials(target, [o for o in officials if o.pk != target.pk])
                self.refresh_search(search.meetings_touched_by(target))
            self.message_user(request, f"Merged into {target}: {moved} participation(s) moved.")
            return None
        return render(request, "admin/meetings/official/merge.html", {
            **self.admin_site.each_context(request), "title": "Merge officials", "form": form,
            "officials": officials, "opts": self.model._meta,
            "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        })
