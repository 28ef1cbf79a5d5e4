//! "Write it for": a query shown in the language of another tool, beside the search box and in
//! monitoring feedback. A plain form field (`to`) on pages that are already GET forms, so it
//! works without JavaScript; the translation itself is pure (`query::dialect`).

use crate::query::{self, dialect::Vendor};

/// One warning, as the page shows it.
pub struct DialectWarning {
    pub column: usize,
    pub message: String,
}

/// The `to` control and, when a tool is chosen, the query written for it.
#[derive(Default)]
pub struct DialectPanel {
    /// The chosen tool's name (`brandwatch`), or empty.
    pub to: String,
    /// The chosen tool's label, when a translation was made.
    pub label: String,
    /// Whether a translation was made (a tool chosen and the query parsed).
    pub shown: bool,
    /// The query in the tool's syntax; `None` when it cannot be written there.
    pub translated: Option<String>,
    pub warnings: Vec<DialectWarning>,
    /// Set when `to` names no tool.
    pub unknown: bool,
}

impl DialectPanel {
    /// The choices of the control: (name, label).
    pub fn vendors(&self) -> Vec<(&'static str, &'static str)> {
        Vendor::ALL.iter().map(|v| (v.name(), v.label())).collect()
    }

    /// The panel for `query` and the form's `to` (empty or absent: no tool chosen). A query that
    /// does not parse shows no translation: its error is shown by the page already.
    pub fn new(q: &str, to: Option<&str>) -> DialectPanel {
        let to = to.map(str::trim).unwrap_or_default();
        if to.is_empty() {
            return DialectPanel::default();
        }
        let Some(vendor) = Vendor::from_name(to) else {
            return DialectPanel {
                unknown: true,
                ..DialectPanel::default()
            };
        };
        let mut panel = DialectPanel {
            to: vendor.name().to_string(),
            label: vendor.label().to_string(),
            ..DialectPanel::default()
        };
        if q.trim().is_empty() {
            return panel;
        }
        if let Ok(parsed) = query::parse(q) {
            let t = parsed.translate(vendor);
            panel.shown = true;
            panel.translated = t.translated;
            panel.warnings = t
                .warnings
                .into_iter()
                .map(|w| DialectWarning {
                    column: w.column,
                    message: w.message,
                })
                .collect();
        }
        panel
    }
}
