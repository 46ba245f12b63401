//! The areas of the app, each arriving when first opened. Every area is a split point
//! (`wasm_split`, as Leptos's `#[lazy]` but fallible): the release build cuts the WebAssembly
//! there, so signing in loads only the shell, and an area's pages (with what only they use)
//! are fetched the first time one of them opens. The areas follow the side navigation, with
//! the heavier pages (import, a new record, the form editor, fields, retention) areas of their
//! own; code an area shares with another comes in chunks, fetched in the area's pack. An area
//! that cannot be fetched (the connection dropped, or a newer Consentry was deployed since the
//! page was opened) says so and offers a reload; opening it again retries.

use consentry_model::Permission;
use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::{
    NotLoaded,
    components::notice::{NotLoadedNotice, Permitted},
    pages::{
        account::AccountPage,
        api_keys::ApiKeysPage,
        audit::AuditPage,
        compliance::CompliancePage,
        fields::FieldsPage,
        first_run::FirstRunPage,
        form_editor::FormEditorPage,
        forms::FormsPage,
        import::ImportPage,
        outbox::OutboxPage,
        overview::OverviewPage,
        record::RecordPage,
        records::{NewRecordPage, RecordsPage},
        requests::{RequestPage, RequestsPage},
        retention::RetentionPage,
        templates::{TemplateEditorPage, TemplatesPage},
        users::UsersPage,
    },
};

thread_local! {
    /// How many areas are being opened. Not arena-owned: it lives as long as the app.
    static OPENING: ArcRwSignal<u32> = ArcRwSignal::new(0);
}

/// Whether an area is still being opened (its code arriving). The router's own flag clears
/// when a second navigation replaces a pending one, while the second may still wait for code
/// the first is fetching: the shell keeps the page hidden until both this and that are done.
pub fn opening() -> bool {
    OPENING.with(|opening| opening.get() > 0)
}

/// Counts an area as being opened while it lives (a navigation given up drops it too).
struct Opening;

impl Opening {
    fn start() -> Self {
        OPENING.with(|opening| opening.update(|n| *n += 1));
        Opening
    }
}

impl Drop for Opening {
    fn drop(&mut self) {
        OPENING.with(|opening| opening.update(|n| *n = n.saturating_sub(1)));
    }
}

/// One area: an enum naming its pages, the split point that loads them, and a route per page
/// (shown to users whose profile grants the permission, if one is named).
macro_rules! area {
    ($area:ident, $load:ident { $($route:ident => $page:ident $(if $permission:expr)?;)* }) => {
        #[doc = concat!("The pages of the `", stringify!($load), "` area.")]
        #[derive(Clone, Copy)]
        enum $area {
            $($route,)*
        }

        #[doc = concat!("Loads the `", stringify!($load), "` area and shows one of its pages.")]
        #[::leptos::wasm_split::wasm_split($load, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $load(page: $area) -> Result<AnyView, NotLoaded> {
            Ok(match page {
                $($area::$route => {
                    $(return Ok(view! { <Permitted permission=$permission><$page /></Permitted> }.into_any());)?
                    #[allow(unreachable_code)]
                    view! { <$page /> }.into_any()
                })*
            })
        }

        $(
            #[doc = concat!("The route of [`", stringify!($page), "`].")]
            pub struct $route;

            impl LazyRoute for $route {
                fn data() -> Self {
                    $route
                }

                async fn view(_this: Self) -> AnyView {
                    let _opening = Opening::start();
                    // The area's code and its words (for English, beyond the frame's) together.
                    let (area, words) =
                        ::futures::future::join($load($area::$route), crate::i18n::area_words()).await;
                    words
                        .and(area)
                        .unwrap_or_else(|NotLoaded| view! { <NotLoadedNotice /> }.into_any())
                }
            }
        )*
    };
}

/// The setup pages need "Manage Compliance Settings".
const SETTINGS: Permission = Permission::ManageComplianceSettings;

area!(WelcomeArea, welcome { FirstRun => FirstRunPage; });
area!(RecordsArea, records { Records => RecordsPage if Permission::ViewRecords; });
area!(ImportArea, import { Import => ImportPage if Permission::EditRecords; });
area!(NewRecordArea, new_record { NewRecord => NewRecordPage if Permission::EditRecords; });
area!(RecordArea, record { Record => RecordPage if Permission::ViewRecords; });
area!(RequestsArea, requests {
    Requests => RequestsPage if SETTINGS;
    Request => RequestPage if SETTINGS;
});
area!(FormsArea, forms { Forms => FormsPage if SETTINGS; });
area!(FormEditorArea, form_editor { FormEditor => FormEditorPage if SETTINGS; });
area!(TemplatesArea, templates {
    Templates => TemplatesPage if SETTINGS;
    TemplateEditor => TemplateEditorPage if SETTINGS;
});
area!(OutboxArea, outbox { Outbox => OutboxPage if SETTINGS; });
area!(ComplianceArea, compliance { Compliance => CompliancePage if SETTINGS; });
area!(FieldsArea, fields { Fields => FieldsPage if SETTINGS; });
area!(RetentionArea, retention { Retention => RetentionPage if SETTINGS; });
area!(OverviewArea, overview { Overview => OverviewPage if SETTINGS; });
area!(AuditArea, audit { Audit => AuditPage if SETTINGS; });
area!(OrganisationArea, organisation {
    Users => UsersPage if Permission::ManageUsers;
    ApiKeys => ApiKeysPage if Permission::ManageApiKeys;
    Account => AccountPage;
});
