//! The app's icons: inline SVG drawn with the text colour, hidden from screen readers (the
//! button or badge around an icon carries its name), so none depends on an emoji font.

use leptos::prelude::*;

/// An icon of the set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Icon {
    /// Three lines: the navigation.
    Menu,
    /// A cross: close, dismiss.
    Close,
    /// Two sheets: copy to the clipboard.
    Copy,
    /// A padlock: processing stopped.
    Lock,
}

impl Icon {
    /// The outline, in a 24 × 24 box, stroked.
    fn path(self) -> &'static str {
        match self {
            Icon::Menu => "M3 6h18M3 12h18M3 18h18",
            Icon::Close => "M6 6l12 12M18 6 6 18",
            Icon::Copy => {
                "M10 8h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2h-8a2 2 0 0 1-2-2v-8a2 2 0 0 1 2-2z\
                 M16 8V5a1 1 0 0 0-1-1H5a1 1 0 0 0-1 1v10a1 1 0 0 0 1 1h3"
            }
            Icon::Lock => {
                "M6 11h12a1 1 0 0 1 1 1v8a1 1 0 0 1-1 1H6a1 1 0 0 1-1-1v-8a1 1 0 0 1 1-1z\
                 M8 11V8a4 4 0 0 1 8 0v3"
            }
        }
    }
}

/// `icon`, `size` pixels square.
#[component]
pub fn Svg(icon: Icon, #[prop(default = 16)] size: u32) -> impl IntoView {
    view! {
        <svg class="icon" aria-hidden="true" focusable="false" viewBox="0 0 24 24" width=size height=size>
            <path d=icon.path() stroke="currentColor" stroke-width="2" fill="none" stroke-linecap="round" stroke-linejoin="round" />
        </svg>
    }
}
