//! The findings a change introduces and fixes.

use super::*;

impl Diff {
    /// The findings of both revisions, compared by rule, record and
    /// message (not by line): those only in head are introduced, those
    /// only in base fixed.
    pub fn findings(
        &mut self,
        base: &Model,
        base_findings: &[crate::diag::Diagnostic],
        head: &Model,
        head_findings: &[crate::diag::Diagnostic],
        lang: Lang,
    ) {
        let only = |a: &[crate::diag::Diagnostic], b: &[crate::diag::Diagnostic], m: &Model| {
            let mut rest: Vec<&crate::diag::Diagnostic> = b.iter().collect();
            let mut out = Vec::new();
            for d in a {
                let twin = rest.iter().position(|o| {
                    o.rule == d.rule && o.record == d.record && o.message == d.message
                });
                match twin {
                    Some(at) => {
                        rest.swap_remove(at);
                    }
                    None => out.push(FindingChange {
                        rule: d.rule.slug(),
                        severity: d.severity.as_str(),
                        record: d.record.clone(),
                        path: m.files.get(d.span.file).path.to_string(),
                        message: lang.message(&d.message),
                    }),
                }
            }
            out
        };
        self.findings_introduced = only(head_findings, base_findings, head);
        self.findings_fixed = only(base_findings, head_findings, base);
    }
}
