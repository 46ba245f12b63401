//! `/admin/setup/compliance/retention`: the Retention review. The records the daily review
//! found lapsed past the retention period, counted and listed per reason, and erased in bulk
//! after a confirmation that names how many.

use consentry_model::{
    ErrorCode, RecordId,
    retention::{LapseReason, LapsedRecord, RetentionErase, RetentionReview},
};
use consentry_ui::ConfirmDialog;
use leptos::{prelude::*, task::spawn_local};
use leptos_router::components::A;

use crate::components::title::page_title;
use crate::{
    api,
    components::{
        form::{FormProblem, FormState},
        notice::{LoadFailed, Loading},
    },
    format_time,
    i18n::{Msg, tr, use_i18n},
};

/// What a reason is called on the page.
fn reason_msg(reason: LapseReason) -> Msg {
    match reason {
        LapseReason::NoBasis => Msg::LapseNoBasis,
        LapseReason::NotResponded => Msg::LapseNotResponded,
        LapseReason::Withdrawn => Msg::LapseWithdrawn,
        LapseReason::Denied => Msg::LapseDenied,
        LapseReason::ContractEnded => Msg::LapseContractEnded,
    }
}

/// How many records the review found for `reason` (or in all).
fn found(review: &RetentionReview, reason: Option<LapseReason>) -> u64 {
    review
        .counts
        .iter()
        .filter(|c| reason.is_none_or(|r| r == c.reason))
        .map(|c| c.count)
        .sum()
}

/// The Retention review.
#[component]
pub fn RetentionPage() -> impl IntoView {
    page_title(Msg::NavRetention);
    let form = FormState::default();
    let review = LocalResource::new(api::retention_review);
    let done = RwSignal::new(None::<String>);
    let i18n = use_i18n();
    let review_now = move |_| {
        form.clear();
        done.set(None);
        spawn_local(async move {
            match api::review_retention_now().await {
                Ok(_) => {
                    done.set(Some(i18n.t(Msg::RetentionReviewed).to_owned()));
                    review.refetch();
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    view! {
        <h1>{tr(Msg::NavRetention)}</h1>
        <p class="lead">{tr(Msg::RetentionIntro)}</p>
        <FormProblem form />
        <p role="status" id="retention-done">{move || done.get()}</p>
        {move || match review.get() {
            None => view! { <Loading /> }.into_any(),
            Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
            Some(Ok(state)) => match state.retention_days {
                None => view! {
                    <p class="notice" id="retention-off">
                        {tr(Msg::RetentionOff)}" "
                        <A href="/admin/setup/compliance" exact=true>{tr(Msg::NavComplianceSettings)}</A>
                    </p>
                }
                .into_any(),
                Some(days) => view! {
                    <dl class="facts compact">
                        <dt>{tr(Msg::Retention)}</dt>
                        <dd id="retention-period">{days}" "{tr(Msg::Days)}</dd>
                        <dt>{tr(Msg::RetentionLastReview)}</dt>
                        <dd id="retention-reviewed">
                            {state.reviewed_at.map_or_else(
                                move || i18n.t(Msg::RetentionNeverReviewed).to_owned(),
                                format_time,
                            )}
                        </dd>
                        <dt>{tr(Msg::RetentionAutoErase)}</dt>
                        <dd id="retention-auto">
                            {tr(if state.auto_erase { Msg::Yes } else { Msg::No })}
                        </dd>
                    </dl>
                    <p>
                        <button type="button" id="retention-review-now" on:click=review_now>
                            {tr(Msg::RetentionReviewNow)}
                        </button>
                    </p>
                    <Findings state form done on_erased=Callback::new(move |()| review.refetch()) />
                }
                .into_any(),
            },
        }}
    }
}

/// The counts per reason, the filter, the list and the bulk erasure.
#[component]
fn Findings(
    state: RetentionReview,
    form: FormState,
    done: RwSignal<Option<String>>,
    on_erased: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let reason = RwSignal::new(None::<LapseReason>);
    let state = StoredValue::new(state);
    let count = move || found(&state.read_value(), reason.get());
    let page = LocalResource::new(move || api::lapsed_records(reason.get(), None));
    let more = RwSignal::new(Vec::<LapsedRecord>::new());
    let next = RwSignal::new(None::<RecordId>);
    Effect::new(move |_| {
        if let Some(Ok(first)) = page.get() {
            more.set(Vec::new());
            next.set(first.next);
        }
    });
    let show_more = move |_| {
        let Some(after) = next.get_untracked() else {
            return;
        };
        spawn_local(async move {
            match api::lapsed_records(reason.get_untracked(), Some(after)).await {
                Ok(page) => {
                    more.update(|m| m.extend(page.records));
                    next.set(page.next);
                }
                Err(failure) => form.fail(failure),
            }
        });
    };
    let open = RwSignal::new(false);
    let erase = Callback::new(move |()| {
        form.clear();
        done.set(None);
        let order = RetentionErase {
            reason: reason.get_untracked(),
            confirmed_count: found(&state.read_value(), reason.get_untracked()),
        };
        spawn_local(async move {
            match api::erase_lapsed(&order).await {
                Ok(erased) => {
                    done.set(Some(format!(
                        "{} {} · {} {}",
                        i18n.t(Msg::RetentionErasedCount),
                        erased.erased,
                        i18n.t(Msg::RetentionKeptCount),
                        erased.kept
                    )));
                    on_erased.run(());
                }
                // The review changed meanwhile: say so, and show it as it is now.
                Err(failure) if failure.code() == Some(ErrorCode::CountChanged) => {
                    done.set(Some(failure.message(i18n.lang())));
                    on_erased.run(());
                }
                Err(failure) => form.fail(failure),
            }
        });
    });
    let title = Signal::derive(move || i18n.t(Msg::RetentionConfirmTitle).to_owned());
    let confirm_label =
        Signal::derive(move || format!("{} ({})", i18n.t(Msg::RetentionEraseButton), count()));
    let cancel_label = Signal::derive(move || i18n.t(Msg::Cancel).to_owned());
    view! {
        <section class="card wide" aria-labelledby="lapsed-title">
            <h2 id="lapsed-title">{tr(Msg::RetentionFound)}</h2>
            <table class="counts" id="retention-counts">
                <caption class="visually-hidden">{tr(Msg::RetentionFound)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(Msg::RetentionReason)}</th>
                        <th scope="col">{tr(Msg::RecordCount)}</th>
                    </tr>
                </thead>
                <tbody>
                    {state.read_value().counts.iter().map(|c| {
                        let (r, n) = (c.reason, c.count);
                        view! {
                            <tr data-reason=r.code()>
                                <th scope="row">{tr(reason_msg(r))}</th>
                                <td>{n}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
            <div class="field">
                <label for="retention-reason">{tr(Msg::RetentionReason)}</label>
                <select
                    id="retention-reason"
                    on:change=move |ev| reason.set(LapseReason::from_code(&event_target_value(&ev)))
                >
                    <option value="">{tr(Msg::RetentionAllReasons)}</option>
                    {LapseReason::ALL.into_iter().map(|r| view! {
                        <option value=r.code()>{tr(reason_msg(r))}</option>
                    }).collect_view()}
                </select>
            </div>
            {move || match page.get() {
                None => view! { <Loading /> }.into_any(),
                Some(Err(failure)) => view! { <LoadFailed failure /> }.into_any(),
                Some(Ok(first)) => {
                    let mut list = first.records.clone();
                    list.extend(more.get());
                    if list.is_empty() {
                        return view! { <p class="hint" id="retention-empty">{tr(Msg::RetentionNothing)}</p> }.into_any();
                    }
                    view! {
                        <table id="retention-records">
                            <caption class="visually-hidden">{tr(Msg::RetentionFound)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr(Msg::Name)}</th>
                                    <th scope="col">{tr(Msg::RetentionReason)}</th>
                                    <th scope="col">{tr(Msg::RetentionSince)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {list.into_iter().map(|found| {
                                    let href = format!("/admin/records/{}", found.record.id);
                                    view! {
                                        <tr>
                                            <td><A href=href>{found.record.shown_name()}</A></td>
                                            <td>{tr(reason_msg(found.reason))}</td>
                                            <td>{format_time(found.since)}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                        {move || next.get().is_some().then(|| view! {
                            <button type="button" id="retention-more" on:click=show_more>
                                {tr(Msg::LoadMore)}
                            </button>
                        })}
                        <p>
                            <button type="button" class="danger" id="retention-erase" on:click=move |_| open.set(true)>
                                {move || format!("{} ({})", i18n.t(Msg::RetentionEraseButton), count())}
                            </button>
                        </p>
                    }
                    .into_any()
                }
            }}
            <ConfirmDialog id="retention-confirm" open title confirm_label cancel_label on_confirm=erase>
                <p>{tr(Msg::RetentionConfirmBody)}</p>
            </ConfirmDialog>
        </section>
    }
}
