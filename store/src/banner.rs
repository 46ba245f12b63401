//! Banner figures assembled from what either backend counts: banners shown per version, rule
//! and day, and the decisions stored, per kind and per purpose granted.

use std::collections::BTreeMap;

use consentry_model::widget::{BannerFigures, RegionRule, VisitorChoice};

use crate::{StoreResult, corrupt};

fn rule(code: &str) -> StoreResult<RegionRule> {
    RegionRule::from_code(code).ok_or_else(|| corrupt("region_rule", code))
}

fn count(n: i64) -> u64 {
    u64::try_from(n).unwrap_or(0)
}

fn version(v: i64) -> StoreResult<u32> {
    u32::try_from(v).map_err(|_| corrupt("form_version", v.to_string()))
}

/// The figures per version and rule, newest version first: `shown` holds (version, rule,
/// banners shown), `decided` (version, rule, decision, decisions), `granted` (version, rule,
/// purpose, decisions that granted it).
pub fn figures(
    shown: Vec<(i64, String, i64)>,
    decided: Vec<(i64, String, String, i64)>,
    granted: Vec<(i64, String, String, i64)>,
) -> StoreResult<Vec<BannerFigures>> {
    let mut all: BTreeMap<(u32, RegionRule), BannerFigures> = BTreeMap::new();
    fn entry<'a>(
        all: &'a mut BTreeMap<(u32, RegionRule), BannerFigures>,
        version: u32,
        code: &str,
    ) -> StoreResult<&'a mut BannerFigures> {
        let rule = rule(code)?;
        Ok(all.entry((version, rule)).or_insert_with(|| BannerFigures {
            version,
            rule,
            ..BannerFigures::default()
        }))
    }
    for (v, code, n) in shown {
        entry(&mut all, version(v)?, &code)?.shown += count(n);
    }
    for (v, code, decision, n) in decided {
        let figures = entry(&mut all, version(v)?, &code)?;
        let n = count(n);
        figures.decisions += n;
        match VisitorChoice::from_code(&decision) {
            Some(VisitorChoice::AcceptedAll) => figures.accepted_all += n,
            Some(VisitorChoice::RejectedAll) => figures.rejected_all += n,
            Some(VisitorChoice::Customised) => figures.customised += n,
            None => return Err(corrupt("visitor_consents.decision", decision)),
        }
    }
    for (v, code, purpose, n) in granted {
        *entry(&mut all, version(v)?, &code)?
            .granted
            .entry(purpose)
            .or_default() += count(n);
    }
    Ok(all.into_values().rev().collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_grouped_per_version_and_rule_newest_first() {
        let figures = figures(
            vec![
                (1, "opt_in".into(), 10),
                (2, "opt_in".into(), 4),
                (2, "opt_out".into(), 3),
            ],
            vec![
                (2, "opt_in".into(), "accepted_all".into(), 2),
                (2, "opt_in".into(), "rejected_all".into(), 1),
                (2, "opt_in".into(), "customised".into(), 1),
            ],
            vec![(2, "opt_in".into(), "analytics".into(), 3)],
        )
        .expect("valid");
        assert_eq!(figures.len(), 3);
        assert_eq!(
            (figures[0].version, figures[0].rule),
            (2, RegionRule::OptOut)
        );
        let opt_in = &figures[1];
        assert_eq!(
            (opt_in.shown, opt_in.decisions, opt_in.customised),
            (4, 4, 1)
        );
        assert_eq!(opt_in.opt_in_percent("analytics"), Some(75.0));
        assert_eq!(opt_in.opt_in_percent("ads"), Some(0.0));
        assert_eq!(figures[2].opt_in_percent("analytics"), None);
        assert!(super::figures(vec![(1, "bogus".into(), 1)], vec![], vec![]).is_err());
    }
}
