//! Characters that cannot be seen but change what text shows or how it is read: text-direction
//! overrides and isolates that reorder a name on screen (`Jan` + U+202E + `lpd.exe`), zero-width
//! spaces and joiners that make two identical-looking names differ, byte-order marks, line and
//! paragraph separators, and tag characters and interlinear annotations that smuggle text
//! past a reader. Every display
//! text entered by a person passes [`refuse_hidden`], in the browser form and on the server.
//!
//! The classes come from the Unicode Character Database through `icu_properties` (the
//! Unicode Consortium's own library; its data is already in every browser bundle through the
//! URL parser), not from a hand-kept list: `Default_Ignorable_Code_Point` and `Bidi_Control`,
//! plus `General_Category` Zl and Zp, whose only members are U+2028 and U+2029.
//!
//! Some of those characters do visible work in real names and texts, so they stay allowed
//! where they do it, and only there:
//! - ZERO WIDTH JOINER and NON-JOINER where IDNA's CONTEXTJ rules allow them (RFC 5892,
//!   appendix A.1 and A.2): after a virama, which picks a conjunct or half form in Indic
//!   scripts (Malayalam, Devanagari, ...), and ZWNJ between Arabic-script letters that would
//!   otherwise join, which Persian writes in names such as حسین‌زاده (Hosseinzadeh). Between
//!   Latin letters a joiner does nothing visible, so it is refused there.
//! - ZWJ inside an emoji sequence (👩‍💻), and the emoji variation selectors U+FE0E and U+FE0F
//!   right after an emoji (❤️), so a consent text or mail template may hold the emoji people
//!   paste.
//!
//! Refused without exception: ideographic variation selectors (U+E0100–U+E01EF; the base
//! ideograph is the same character without one), Mongolian free variation selectors, Hangul
//! fillers, the soft hyphen, and emoji tag sequences (subdivision flags), whose tag characters
//! are exactly the smuggling channel this rule closes.

use icu_properties::{
    CodePointMapData, CodePointSetData,
    props::{
        BidiControl, CanonicalCombiningClass, DefaultIgnorableCodePoint, Emoji, EmojiModifier,
        ExtendedPictographic, GeneralCategory, GeneralCategoryGroup, JoiningType,
    },
};

use crate::FieldError;

const ZWNJ: char = '\u{200C}';
const ZWJ: char = '\u{200D}';
const TEXT_PRESENTATION: char = '\u{FE0E}';
const EMOJI_PRESENTATION: char = '\u{FE0F}';
const BRAILLE_BLANK: char = '\u{2800}';

/// Refuses control characters other than `allowed_controls` (line feeds and tabs in texts of
/// several lines; none in names), then invisible characters ([`refuse_invisible`]), then text
/// that only looks filled in ([`refuse_blank_looking`]).
pub fn refuse_hidden(text: &str, allowed_controls: &[char]) -> Result<(), FieldError> {
    if text
        .chars()
        .any(|c| c.is_control() && !allowed_controls.contains(&c))
    {
        return Err(if allowed_controls.contains(&'\n') {
            FieldError::ControlCharactersInLines
        } else {
            FieldError::ControlCharacters
        });
    }
    refuse_invisible(text)?;
    refuse_blank_looking(text)
}

/// Refuses a non-empty text in which nothing can be seen, and a combining mark (an accent,
/// a vowel sign) with no letter to sit on. Spaces of every width, U+2800 BRAILLE PATTERN BLANK
/// (drawn as an empty cell, and so used to make a name that looks unfilled but is not) and
/// marks alone draw nothing a reader can point at; a mark at the start of a text or line, or
/// after a space, lands on whatever the page shows before it. The empty text is left to the
/// caller, whose field may be optional.
pub fn refuse_blank_looking(text: &str) -> Result<(), FieldError> {
    let category = CodePointMapData::<GeneralCategory>::new();
    let is_mark = |c: char| GeneralCategoryGroup::Mark.contains(category.get(c));
    let mut before: Option<char> = None;
    for c in text.chars() {
        if is_mark(c) && before.is_none_or(|b| b.is_whitespace() || b.is_control()) {
            return Err(FieldError::LoneMark {
                code_point: u32::from(c),
            });
        }
        before = Some(c);
    }
    let shows_something = text
        .chars()
        .any(|c| !(c.is_whitespace() || c.is_control() || c == BRAILLE_BLANK || is_mark(c)));
    if text.is_empty() || shows_something {
        Ok(())
    } else {
        Err(FieldError::NothingVisible)
    }
}

/// Refuses the first invisible character that does no visible work where it stands (see the
/// module documentation), naming its code point so the person knows what to remove.
pub fn refuse_invisible(text: &str) -> Result<(), FieldError> {
    for (at, c) in text.char_indices() {
        if !is_invisible(c) {
            continue;
        }
        let before = text[..at].chars().rev();
        let after = text[at + c.len_utf8()..].chars();
        if !does_visible_work(c, before, after) {
            return Err(FieldError::InvisibleCharacter {
                code_point: u32::from(c),
            });
        }
    }
    Ok(())
}

/// `Default_Ignorable_Code_Point`, `Bidi_Control`, or a line or paragraph separator.
fn is_invisible(c: char) -> bool {
    CodePointSetData::new::<DefaultIgnorableCodePoint>().contains(c)
        || CodePointSetData::new::<BidiControl>().contains(c)
        // General_Category Zl and Zp: one character each.
        || matches!(c, '\u{2028}' | '\u{2029}')
        // The interlinear annotation anchor, separator and terminator: text between them is
        // an annotation a renderer may hide, the same smuggling channel as tag characters.
        || matches!(c, '\u{FFF9}'..='\u{FFFB}')
}

/// Whether an invisible character changes how the characters around it are drawn.
fn does_visible_work(
    c: char,
    mut before: impl Iterator<Item = char> + Clone,
    mut after: impl Iterator<Item = char>,
) -> bool {
    let ccc = CodePointMapData::<CanonicalCombiningClass>::new();
    let emoji = CodePointSetData::new::<Emoji>();
    let pictographic = CodePointSetData::new::<ExtendedPictographic>();
    let modifier = CodePointSetData::new::<EmojiModifier>();
    match c {
        // RFC 5892 A.1/A.2: a joiner right after a virama.
        ZWNJ | ZWJ
            if before
                .clone()
                .next()
                .is_some_and(|p| ccc.get(p) == CanonicalCombiningClass::Virama) =>
        {
            true
        }
        // RFC 5892 A.1: (L|D) T* ZWNJ T* (R|D) by Joining_Type.
        ZWNJ => {
            joins(
                &mut before,
                &[JoiningType::LeftJoining, JoiningType::DualJoining],
            ) && joins(
                &mut after,
                &[JoiningType::RightJoining, JoiningType::DualJoining],
            )
        }
        // An emoji ZWJ sequence: pictograph (with its modifier or presentation selector),
        // ZWJ, pictograph.
        ZWJ => {
            before
                .find(|&p| p != EMOJI_PRESENTATION && !modifier.contains(p))
                .is_some_and(|p| pictographic.contains(p))
                && after.next().is_some_and(|n| pictographic.contains(n))
        }
        TEXT_PRESENTATION | EMOJI_PRESENTATION => before.next().is_some_and(|p| emoji.contains(p)),
        _ => false,
    }
}

/// Whether the first character that is not transparent to joining has one of `types`.
fn joins(chars: &mut impl Iterator<Item = char>, types: &[JoiningType]) -> bool {
    let joining = CodePointMapData::<JoiningType>::new();
    chars
        .map(|c| joining.get(c))
        .find(|&t| t != JoiningType::Transparent)
        .is_some_and(|t| types.contains(&t))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn refused(text: &str) -> Option<u32> {
        match refuse_invisible(text) {
            Err(FieldError::InvisibleCharacter { code_point }) => Some(code_point),
            Err(other) => panic!("{text:?}: unexpected {other:?}"),
            Ok(()) => None,
        }
    }

    #[test]
    fn direction_overrides_and_isolates_are_refused() {
        for c in [
            '\u{202A}', '\u{202B}', '\u{202C}', '\u{202D}', '\u{202E}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{061C}',
        ] {
            let text = format!("Jan{c}lpd.exe");
            assert_eq!(refused(&text), Some(u32::from(c)), "{:04X}", u32::from(c));
        }
    }

    #[test]
    fn zero_width_characters_and_byte_order_marks_are_refused() {
        for c in ['\u{200B}', '\u{2060}', '\u{FEFF}', '\u{180E}', '\u{034F}'] {
            assert_eq!(refused(&format!("Ja{c}n")), Some(u32::from(c)));
            assert_eq!(refused(&format!("{c}Jan")), Some(u32::from(c)));
        }
    }

    #[test]
    fn interlinear_annotations_are_refused() {
        assert_eq!(refused("Jan\u{FFF9}secret\u{FFFA}x\u{FFFB}"), Some(0xFFF9));
        assert_eq!(refused("Jan\u{FFFB}"), Some(0xFFFB));
    }

    #[test]
    fn line_and_paragraph_separators_are_refused() {
        assert_eq!(refused("Jan\u{2028}Jansen"), Some(0x2028));
        assert_eq!(refused("Jan\u{2029}Jansen"), Some(0x2029));
    }

    #[test]
    fn tag_characters_are_refused() {
        // U+E0041 TAG LATIN CAPITAL LETTER A: invisible text riding along with a visible one.
        assert_eq!(refused("Jan\u{E0041}\u{E0042}"), Some(0xE0041));
        assert_eq!(refused("Jan\u{E0001}"), Some(0xE0001));
        // A subdivision flag is a tag sequence too: refused like any other.
        assert_eq!(
            refused("\u{1F3F4}\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F}"),
            Some(0xE0067)
        );
    }

    #[test]
    fn soft_hyphens_hangul_fillers_and_ideographic_variation_selectors_are_refused() {
        assert_eq!(refused("Jan\u{00AD}sen"), Some(0xAD));
        assert_eq!(refused("\u{3164}"), Some(0x3164));
        assert_eq!(refused("\u{115F}"), Some(0x115F));
        assert_eq!(refused("葛\u{E0100}"), Some(0xE0100));
    }

    #[test]
    fn names_of_every_script_with_their_marks_are_accepted() {
        for name in [
            "Zoë",
            "Øyvind",
            "O'Brien",
            "王秀英",
            "Anne-Marie",
            "José",
            // e + COMBINING ACUTE ACCENT: a combining mark is visible.
            "Jose\u{0301}",
            "Ἀλέξανδρος",
            "Владимир",
            "محمد",
            "יִצְחָק",
            "ศรีสุดา",
            "山田 太郎",
            "김민준",
            "Nguyễn Thị Minh Khai",
        ] {
            assert_eq!(refused(name), None, "{name}");
        }
    }

    #[test]
    fn joiners_are_accepted_where_they_shape_the_script_and_refused_elsewhere() {
        // Persian: ZWNJ between two letters that would otherwise join (Hosseinzadeh).
        assert_eq!(refused("حسین\u{200C}زاده"), None);
        // Devanagari: ZWJ and ZWNJ after a virama (half form, explicit virama).
        assert_eq!(refused("क्\u{200D}ष"), None);
        assert_eq!(refused("क्\u{200C}ष"), None);
        // Malayalam chillu written the old way: NA + VIRAMA + ZWJ.
        assert_eq!(refused("ന്\u{200D}"), None);
        // Between Latin letters they do nothing visible: a copy of a name that looks the same.
        assert_eq!(refused("Ja\u{200D}n"), Some(0x200D));
        assert_eq!(refused("Ja\u{200C}n"), Some(0x200C));
        // At the start, or after a letter that does not join to the left.
        assert_eq!(refused("\u{200C}حسین"), Some(0x200C));
        assert_eq!(refused("ز\u{200C}ا"), Some(0x200C));
    }

    #[test]
    fn emoji_sequences_are_accepted_but_lone_selectors_and_joiners_are_not() {
        // Woman technologist with a skin tone, rainbow flag, red heart with its selector.
        assert_eq!(refused("\u{1F469}\u{1F3FD}\u{200D}\u{1F4BB}"), None);
        assert_eq!(refused("\u{1F3F3}\u{FE0F}\u{200D}\u{1F308}"), None);
        assert_eq!(refused("Dank je \u{2764}\u{FE0F}"), None);
        assert_eq!(refused("Jan\u{FE0F}"), Some(0xFE0F));
        assert_eq!(refused("\u{1F469}\u{200D}Jan"), Some(0x200D));
    }

    #[test]
    fn controls_are_refused_unless_allowed() {
        assert_eq!(
            refuse_hidden("a\nb", &[]),
            Err(FieldError::ControlCharacters)
        );
        assert_eq!(refuse_hidden("a\nb\tc", &['\n', '\t']), Ok(()));
        // Where line breaks are allowed, the message does not ask to remove them.
        assert_eq!(
            refuse_hidden("a\nb\u{0}", &['\n', '\t']),
            Err(FieldError::ControlCharactersInLines)
        );
        assert_eq!(
            refuse_hidden("a\nb\u{202E}", &['\n']),
            Err(FieldError::InvisibleCharacter { code_point: 0x202E })
        );
    }

    #[test]
    fn every_text_rule_of_the_model_refuses_them() {
        use crate::{
            compliance::ControllerProfile,
            fields::{Field, FieldEncryption, FieldKind, Personal, parse_label, parse_options},
            forms::starter_design,
            records::{NewModule, RecordFields, parse_long_text, parse_short_text},
            templates::{MergeError, default_template},
        };
        let rlo = FieldError::InvisibleCharacter { code_point: 0x202E };
        let bad = "Jan\u{202E}nesnaJ";
        assert_eq!(parse_short_text(bad), Err(rlo));
        assert_eq!(parse_long_text(&format!("line\n{bad}")), Err(rlo));
        assert_eq!(parse_label(bad), Err(rlo));
        assert_eq!(
            parse_options(&["Gold".into(), bad.into()]),
            Err((Some(1), rlo))
        );
        assert_eq!(NewModule { name: bad.into() }.checked_name(), Err(rlo));
        let fields = RecordFields {
            last_name: Some(bad.into()),
            ..RecordFields::default()
        };
        assert_eq!(fields.check(), Err(("last_name", rlo)));
        let text_field = Field {
            id: crate::FieldId(uuid::Uuid::nil()),
            key: "notes".into(),
            label: "Notes".into(),
            kind: FieldKind::Text,
            options: Vec::new(),
            required: false,
            standard: false,
            personal: Personal::NotPersonal,
            encryption: FieldEncryption::Off,
            excluded_from: Vec::new(),
        };
        assert_eq!(text_field.parse_text(&format!("a\n{bad}")), Err(rlo));
        let mut design = starter_design("Acme");
        for texts in design.texts.values_mut() {
            texts.intro = format!("Why we ask.\n{bad}");
        }
        assert!(matches!(design.check(), Err((path, e)) if path.ends_with("intro") && e == rlo));
        let mut template = default_template();
        template.subject = bad.into();
        assert_eq!(
            template.check().map(|_| ()),
            Err(("subject", MergeError::Text(rlo)))
        );
        let profile = ControllerProfile {
            contact: bad.into(),
            ..ControllerProfile::default()
        };
        assert_eq!(profile.parse().map(|_| ()), Err(("contact", rlo)));
    }

    #[test]
    fn text_that_only_looks_filled_in_is_refused() {
        for blank in [
            "\u{2800}",
            "\u{2800}\u{2800}",
            "\u{3000}",
            "\u{2003}\u{2800}",
            "\u{0301}",
        ] {
            assert!(
                refuse_hidden(blank, &[]).is_err(),
                "{:?} was accepted",
                blank.escape_unicode().to_string()
            );
        }
        assert_eq!(
            refuse_hidden("\u{2800}", &[]),
            Err(FieldError::NothingVisible)
        );
        assert_eq!(
            refuse_hidden("\u{2800}\n\u{2800}", &['\n']),
            Err(FieldError::NothingVisible)
        );
        // A mark with no letter under it: at the start, on a new line, after a space.
        for (text, mark) in [
            ("\u{0301}Jan", 0x0301),
            ("Jan\n\u{20DD}", 0x20DD),
            ("Jan \u{0308}", 0x0308),
            ("\u{0E31}", 0x0E31),
        ] {
            assert_eq!(
                refuse_hidden(text, &['\n']),
                Err(FieldError::LoneMark { code_point: mark }),
                "{}",
                text.escape_unicode()
            );
        }
        // Marks on their letters, a braille blank beside visible text, and nothing at all.
        for fine in ["Jose\u{0301}", "Nguyễn", "ศรีสุดา", "क्ष", "a\u{2800}b", ""]
        {
            assert_eq!(refuse_hidden(fine, &[]), Ok(()), "{fine}");
        }
    }

    #[test]
    fn the_message_names_the_character_to_remove() {
        let message = refuse_invisible("Jan\u{202E}")
            .expect_err("refused")
            .to_string();
        assert!(message.contains("U+202E"), "{message}");
    }
}
