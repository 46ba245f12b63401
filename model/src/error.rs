//! The one error shape every failing JSON endpoint answers with.

use serde::{Deserialize, Serialize};

/// JSON body of every error response: `{ "error": code, "message": ..., "field": ... }`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ErrorBody {
    /// Stable machine-readable code, e.g. `invalid_field`, `unauthenticated`, `forbidden`.
    pub error: String,
    /// A sentence for a person: what went wrong and what to do about it.
    pub message: String,
    /// The request field at fault (a JSON path such as `admin.email`), when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

/// Why a value failed to parse. Each kind has an English message here; the app translates
/// the kind, so the same rule reads naturally in every UI language. The server adds the field
/// name, which it knows from the JSON path.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum FieldError {
    /// Nothing was entered.
    #[error("Fill in this field.")]
    Empty,
    /// Longer than allowed.
    #[error("Use at most {max} characters.")]
    TooLong {
        /// Most characters allowed.
        max: usize,
    },
    /// Shorter than allowed.
    #[error("Use at least {min} characters.")]
    TooShort {
        /// Fewest characters allowed.
        min: usize,
    },
    /// Not an e-mail address.
    #[error("Enter an e-mail address such as name@example.org.")]
    Email,
    /// Contains line breaks or other control characters.
    #[error("Remove line breaks and other control characters.")]
    ControlCharacters,
    /// Contains a control character in a text of several lines (line breaks and tabs are
    /// allowed there).
    #[error("Remove control characters such as NUL; line breaks and tabs are fine here.")]
    ControlCharactersInLines,
    /// Contains an invisible character: a text-direction override or isolate, a zero-width
    /// character, a byte-order mark, a line or paragraph separator, a tag character.
    #[error(
        "Remove the invisible character U+{code_point:04X}: zero-width, text-direction and other \
         invisible formatting characters can hide or reorder what a reader sees."
    )]
    InvisibleCharacter {
        /// The character's code point.
        code_point: u32,
    },
    /// Nothing in it can be seen: only spaces, blank braille cells or marks without a letter.
    #[error("Enter text that can be seen: this holds only spaces or blank-looking characters.")]
    NothingVisible,
    /// A combining mark (an accent, a vowel sign) at the start of a line or after a space,
    /// where it sits on whatever is shown before it.
    #[error(
        "Remove the mark U+{code_point:04X} or put it after the letter it belongs to: on its own \
         it is drawn over whatever comes before it."
    )]
    LoneMark {
        /// The mark's code point.
        code_point: u32,
    },
    /// Not a phone number.
    #[error("Use digits, spaces and + - ( ) only, such as +31 20 123 4567.")]
    Phone,
    /// Not allowed with the other values given.
    #[error("Leave this empty with the chosen option.")]
    NotAllowed,
    /// A date of consent outside what can be true: in the future, or before 1900.
    #[error("Enter the day consent was given: from 1900-01-01 up to today.")]
    ConsentDate,
    /// A time that has not come yet where only a past one can mean something.
    #[error(
        "Give a time that has passed (UTC): records sent a consent request since then are skipped."
    )]
    FutureTime,
    /// Not a published form of the organisation: only a published form can be sent.
    #[error("Choose a published form: this one does not exist or has not been published yet.")]
    NotPublished,
    /// Not a valid short name.
    #[error("Use 2 to 63 lower-case letters, digits and single hyphens, such as acme-bv.")]
    Slug,
    /// A number outside its bounds.
    #[error("Choose a number from {min} to {max}.")]
    OutOfRange {
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// Not a number.
    #[error("Enter a number such as 42 or 3.5.")]
    Number,
    /// Not a date.
    #[error("Enter a date as YYYY-MM-DD, such as 2026-05-25.")]
    Date,
    /// Not yes or no.
    #[error("Enter yes or no.")]
    Boolean,
    /// Not one of a picklist's options.
    #[error("Choose one of the listed options.")]
    NotAnOption,
    /// No such field in the module.
    #[error("This module has no such field.")]
    UnknownField,
    /// Not text where text is expected (a number or yes/no instead).
    #[error("Enter text here.")]
    Text,
    /// Given twice where it must be unique.
    #[error("This is already used; choose another.")]
    Duplicate,
    /// Not a web address starting with `https://`.
    #[error(
        "Enter a web address starting with https://, such as https://example.org/privacy, of at \
         most {max} characters without spaces or quotes."
    )]
    HttpsUrl {
        /// Most characters allowed.
        max: usize,
    },
}
