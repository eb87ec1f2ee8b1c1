//! The words of `dx survey` and `dx import` (SPEC §7.3), both languages
//! side by side: every problem says what to write instead.

use super::Lang;
use crate::diag::{ImportNote, ImportProblem};

fn join(items: &[String], sep: &str) -> String {
    items.join(sep)
}

impl Lang {
    /// What is wrong with a cell, and what to write instead.
    #[must_use]
    pub fn import_problem(self, p: &ImportProblem) -> String {
        let ja = self == Lang::Ja;
        let text = match p {
            ImportProblem::Unreadable { reason } => {
                if ja {
                    format!(
                        "照会のブック(xlsx)か CSV として読めません({reason})。Excel で開き、「Excel ブック」で保存し直してください"
                    )
                } else {
                    format!(
                        "cannot be read as a survey workbook (xlsx) or CSV ({reason}); open it in Excel and save it as an Excel workbook"
                    )
                }
            }
            ImportProblem::CannotOpen { missing: true, .. } => {
                if ja {
                    "このファイルはありません。ファイル名と場所を確かめてください".to_owned()
                } else {
                    "no such file: check its name and folder".to_owned()
                }
            }
            ImportProblem::CannotOpen { reason, .. } => {
                if ja {
                    format!("ファイルを開けません({reason})。ファイル名と場所を確かめてください")
                } else {
                    format!("cannot open the file ({reason}): check its name and folder")
                }
            }
            ImportProblem::NoSheets => {
                if ja {
                    "「測定」「新規提案」のシートがありません。dx survey で作ったブックか、その見出しの CSV を指定してください".to_owned()
                } else {
                    "has neither a 測定 nor a 新規提案 sheet: give a workbook made by dx survey, or a CSV with its headers".to_owned()
                }
            }
            ImportProblem::MissingColumn { header } => {
                if ja {
                    format!(
                        "見出し「{header}」の列がありません。見出しの行(1行目)を dx survey のブックと同じにしてください"
                    )
                } else {
                    format!(
                        "no column headed 「{header}」: make the header row match the dx survey workbook"
                    )
                }
            }
            ImportProblem::Format { version } => {
                if ja {
                    format!(
                        "このブックは新しい版の dx(形式 {version})で作られています。dx を更新してから取り込んでください"
                    )
                } else {
                    format!(
                        "this workbook was made by a newer dx (format {version}): update dx, then import it"
                    )
                }
            }
            ImportProblem::OtherTree { theirs, ours } => {
                if ja {
                    format!(
                        "このブックは別のツリー({theirs})の照会です。このツリーは {ours} です。正しいツリーで取り込むか、dx survey で作り直してください"
                    )
                } else {
                    format!(
                        "this workbook is a survey of another tree ({theirs}); this tree is {ours}: import it into its own tree, or make it again with dx survey"
                    )
                }
            }
            ImportProblem::Locked { header, was, now } => {
                if ja {
                    format!(
                        "「{header}」は dx が書いた欄で、「{was}」が「{now}」に変わっています。「{was}」に戻してください(行を入れ替えたときは元の順に戻します)"
                    )
                } else {
                    format!(
                        "「{header}」 is written by dx and was changed from 「{was}」 to 「{now}」: put back 「{was}」 (and the rows in their order)"
                    )
                }
            }
            ImportProblem::NotNumber { text } => {
                if ja {
                    format!(
                        "「{text}」は数値ではありません。数値だけを書いてください(単位は「単位」の列にあります。例: 28)"
                    )
                } else {
                    format!(
                        "「{text}」 is not a number: write the number alone (the unit has its own column; e.g. 28)"
                    )
                }
            }
            ImportProblem::Percent { text, number } => {
                if ja {
                    format!(
                        "「{text}」は数値ではありません。{number} と書き、% は単位の列にあります"
                    )
                } else {
                    format!(
                        "「{text}」 is not a number: write {number}; the % is in the unit column"
                    )
                }
            }
            ImportProblem::NotDate { text } => {
                if ja {
                    format!(
                        "「{text}」は日付として読めません。2026/9/30 や 令和8年9月30日 のように書いてください"
                    )
                } else {
                    format!("「{text}」 is not a date: write 2026/9/30 or 令和8年9月30日")
                }
            }
            ImportProblem::Required { header } => {
                if ja {
                    format!(
                        "「{header}」が空です。記入してください(測定しなかった行は、行ごと空けたままにします)"
                    )
                } else {
                    format!(
                        "「{header}」 is empty: fill it in (leave a row not measured entirely empty)"
                    )
                }
            }
            ImportProblem::ValueWithUnmeasurable => {
                if ja {
                    "状況が「評価不能」のときは値を書きません。値を消すか、状況を変えてください"
                        .to_owned()
                } else {
                    "a value with status 評価不能 (could not be measured): remove the value or change the status".to_owned()
                }
            }
            ImportProblem::NotInList {
                header,
                text,
                allowed,
            } => {
                if ja {
                    format!(
                        "「{text}」は「{header}」の一覧にありません。次から選んでください: {}",
                        join(allowed, "・")
                    )
                } else {
                    format!(
                        "「{text}」 is not in the list of 「{header}」: choose one of {}",
                        join(allowed, ", ")
                    )
                }
            }
            ImportProblem::RecordGone { id, now: Some(now) } => {
                if ja {
                    format!(
                        "{id} はこの照会の作成後に ID が変わり、今は {now} です(競合)。行を取り込まずに確かめ、dx measure {now} … で記録するか、dx survey で作り直してください"
                    )
                } else {
                    format!(
                        "{id} was renamed to {now} after this survey was made (a conflict): check the row, record it with dx measure {now} …, or make the survey again"
                    )
                }
            }
            ImportProblem::RecordGone { id, now: None } => {
                if ja {
                    format!(
                        "{id} はこの照会の作成後に削除されたか ID が変わりました(競合)。dx diff で確かめ、dx survey で作り直してください"
                    )
                } else {
                    format!(
                        "{id} was removed or renamed after this survey was made (a conflict): look with dx diff and make the survey again"
                    )
                }
            }
            ImportProblem::IndicatorGone { id, name, known } => {
                if ja {
                    format!(
                        "{id} に評価指標「{name}」はもうありません(作成後に名前が変わったか削除されました。競合)。今の評価指標: {}。dx survey で作り直してください",
                        join(known, "、")
                    )
                } else {
                    format!(
                        "{id} has no indicator 「{name}」 any more (renamed or removed after this survey was made: a conflict); its indicators now: {}; make the survey again",
                        join(known, ", ")
                    )
                }
            }
            ImportProblem::UnknownLink {
                header,
                text,
                nearest,
            } => {
                let hint = nearest
                    .as_ref()
                    .map(|n| {
                        if ja {
                            format!("「{n}」ではありませんか。")
                        } else {
                            format!("did you mean 「{n}」? ")
                        }
                    })
                    .unwrap_or_default();
                if ja {
                    format!(
                        "「{header}」の「{text}」はツリーにもこのシートの仮IDにもありません。{hint}ID(例 K-001)か、同じシートの課題の仮ID(例 新1)を書いてください"
                    )
                } else {
                    format!(
                        "「{text}」 in 「{header}」 is neither in the tree nor a 仮ID of this sheet; {hint}write an ID (K-001) or the 仮ID of a 課題 row (新1)"
                    )
                }
            }
            ImportProblem::DuplicateTempId { id } => {
                if ja {
                    format!(
                        "仮ID「{id}」が2行にあります。行ごとに別の仮ID(新1、新2…)にしてください"
                    )
                } else {
                    format!("仮ID 「{id}」 is on two rows: give each row its own (新1, 新2 …)")
                }
            }
            ImportProblem::NoOwner => {
                if ja {
                    "新規提案の所管課がわかりません。--owner 市民課 のように指定してください"
                        .to_owned()
                } else {
                    "the proposals have no department: give one with --owner".to_owned()
                }
            }
            ImportProblem::Edit(e) => (self.words().edit_error)(e),
        };
        crate::files::printable(&text, false).into_owned()
    }

    /// What was accepted in another form than asked.
    #[must_use]
    pub fn import_note(self, n: &ImportNote) -> String {
        let ja = self == Lang::Ja;
        let text = match n {
            ImportNote::TextNumber { text } => {
                if ja {
                    format!("文字として書かれた数値「{text}」を数値として読みました")
                } else {
                    format!("read the text 「{text}」 as a number")
                }
            }
            ImportNote::FullWidth { text, read } => {
                if ja {
                    format!("「{text}」を半角の {read} として読みました")
                } else {
                    format!("read 「{text}」 as {read} (half-width)")
                }
            }
            ImportNote::SerialDate { serial, date } => {
                if ja {
                    format!("日付の通し番号 {serial} を {date} として読みました")
                } else {
                    format!("read the serial number {serial} as {date}")
                }
            }
            ImportNote::TextDate { text, date } => {
                if ja {
                    format!("文字の日付「{text}」を {date} として読みました")
                } else {
                    format!("read the text 「{text}」 as {date}")
                }
            }
            ImportNote::LooksLikeFraction { value, unit } => {
                if ja {
                    format!(
                        "確認: 値 {value} は単位が {unit} です。{} のつもりではありませんか(Excel は 40% を 0.4 として保存します)",
                        crate::vocab::cut(value * 100.0, 4)
                    )
                } else {
                    format!(
                        "check: the value {value} has the unit {unit}; was {} meant? (Excel saves 40% as 0.4)",
                        crate::vocab::cut(value * 100.0, 4)
                    )
                }
            }
            ImportNote::Changed { id } => {
                if ja {
                    format!(
                        "{id} はこの照会の作成後に変更されています(行はそのまま当てはまるので取り込みます)"
                    )
                } else {
                    format!("{id} changed since the survey was made (the row still applies)")
                }
            }
            ImportNote::Proposed { id, title } => {
                if ja {
                    format!("「{title}」は {id} として記録済みです(書き込みません)")
                } else {
                    format!("「{title}」 is recorded already as {id} (not written)")
                }
            }
            ImportNote::New { id, temp, title } => {
                let temp = if temp.is_empty() {
                    String::new()
                } else if ja {
                    format!("仮ID {temp} → ")
                } else {
                    format!("{temp} → ")
                };
                if ja {
                    format!("新しいレコード: {temp}{id}「{title}」")
                } else {
                    format!("new record: {temp}{id} 「{title}」")
                }
            }
        };
        crate::files::printable(&text, false).into_owned()
    }

    /// The refusal of an import with `n` problems.
    #[must_use]
    pub fn import_refused(self, n: usize) -> String {
        if self == Lang::Ja {
            format!(
                "取り込めない箇所が {n} 件あるため、何も書き込みませんでした。上の箇所を直したブックを、もう一度 dx import で取り込んでください。"
            )
        } else {
            format!("{n} problem(s): nothing written. Fix the cells above and run dx import again.")
        }
    }

    /// What an import plans: observations and new records.
    #[must_use]
    pub fn import_summary(self, observations: usize, records: usize) -> String {
        if self == Lang::Ja {
            format!("取り込み: 測定 {observations} 件、新しいレコード {records} 件")
        } else {
            format!("import: {observations} observation(s), {records} new record(s)")
        }
    }

    /// Nothing filled in any file.
    #[must_use]
    pub fn import_nothing(self) -> &'static str {
        if self == Lang::Ja {
            "記入された行がありません。何も書き込んでいません(測定日・値などを記入したブックを指定してください)。"
        } else {
            "no row is filled in: nothing written (give the workbooks with 測定日, 値 … filled in)."
        }
    }

    /// A survey workbook written.
    #[must_use]
    pub fn survey_written(self, path: &str, department: &str, rows: usize) -> String {
        if self == Lang::Ja {
            if department.is_empty() {
                format!("照会を作りました: {path}(新規提案のみ)")
            } else {
                format!("照会を作りました: {path}({department}、評価指標 {rows} 行)")
            }
        } else if department.is_empty() {
            format!("survey written: {path} (proposals only)")
        } else {
            format!("survey written: {path} ({department}, {rows} indicator row(s))")
        }
    }

    /// Records left out of every survey: no owner.
    #[must_use]
    pub fn survey_unowned(self, n: usize) -> String {
        if self == Lang::Ja {
            format!(
                "注意: 所管(owner)のない手法・技術 {n} 件は、どの照会にも入っていません。owner を書いてから作り直してください"
            )
        } else {
            format!(
                "note: {n} 手法/技術 without an owner are in no survey; give them an owner and make the surveys again"
            )
        }
    }

    /// A department no active record names.
    #[must_use]
    pub fn survey_unknown_owner(self, owner: &str, known: &[String]) -> String {
        if self == Lang::Ja {
            format!(
                "「{owner}」が所管する評価指標のある手法・技術はありません。所管課: {}",
                join(known, "、")
            )
        } else {
            format!(
                "no 手法/技術 with an indicator is owned by 「{owner}」; departments: {}",
                join(known, ", ")
            )
        }
    }

    /// Several workbooks need a folder.
    #[must_use]
    pub fn survey_needs_folder(self, n: usize) -> String {
        if self == Lang::Ja {
            format!(
                "照会は {n} 課分のブックになります。-o にはフォルダーを指定してください(例: -o 照会/)"
            )
        } else {
            format!("the survey makes {n} workbooks: give a folder with -o (e.g. -o surveys/)")
        }
    }
}
