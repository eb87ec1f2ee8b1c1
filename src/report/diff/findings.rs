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
            // The other side's findings by rule and record, each matched at
            // most once: a lookup, not a scan of every finding for each
            // (thousands on a large tree made that quadratic).
            let mut rest: HashMap<_, Vec<&crate::diag::Diagnostic>> = HashMap::new();
            for o in b {
                rest.entry((o.rule, o.record.as_deref()))
                    .or_default()
                    .push(o);
            }
            let mut out = Vec::new();
            for d in a {
                let bucket = rest.get_mut(&(d.rule, d.record.as_deref()));
                let twin = bucket
                    .as_ref()
                    .and_then(|list| list.iter().position(|o| o.message == d.message));
                match (twin, bucket) {
                    (Some(at), Some(list)) => {
                        list.swap_remove(at);
                    }
                    _ => out.push(FindingChange {
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
