//! 日本語の文言。

use super::{Words, list, visible};
use crate::diag::{
    BadValue, DatedEntry, IdKind, Message, PersonalKind, Retired, Severity, Summary, ValueType,
};
use crate::diag::{EditError, FollowUp};
use crate::git::GitError;
use crate::model::LoadError;

pub(super) static WORDS: Words = Words {
    message,
    help,
    id_kind,
    summary,
    load_error,
    clean: "問題は見つかりませんでした。",
    explain_headings: [
        "既定の重大度",
        "何を検出するか",
        "なぜ問題か",
        "直し方",
        "例",
    ],
    severity,
    not_found: |id, nearest| match nearest {
        Some(n) => format!("ID「{id}」は見つかりません。「{n}」ではありませんか"),
        None => format!("ID「{id}」は見つかりません"),
    },
    unknown_field: |f, nearest, known| match nearest {
        Some(n) => format!("分野「{f}」はありません。「{n}」ではありませんか(分野: {known})"),
        None => format!("分野「{f}」はありません(分野: {known})"),
    },
    bad_filter: |flag, value, words| {
        format!("{flag} に「{value}」は指定できません(指定できる値: {words})")
    },
    git_error: |e| match e {
        GitError::NoGit(err) => {
            format!("git を実行できません({err})。git をインストールしてください")
        }
        GitError::NotARepository(p) => format!("{} は git リポジトリの中にありません", p.display()),
        GitError::UnknownRevision(r) => format!(
            "リビジョン「{r}」が見つかりません(ブランチ名・タグ・コミットを指定してください。CI では fetch-depth: 0 が必要です)"
        ),
        GitError::Failed { args, message } => format!("git {args} が失敗しました: {message}"),
    },
    help_label: "ヒント",
    no_rule: |slug, near| match near {
        Some(n) => {
            format!("規則「{slug}」はありません。「{n}」ではありませんか(一覧は `dx explain`)")
        }
        None => format!("規則「{slug}」はありません(一覧は `dx explain`)"),
    },
    working_tree: "作業中のファイル",
    bad_link: |flag, value, kind, nearest| match nearest {
        Some(n) => format!(
            "{flag} の「{value}」という{kind}はありません。「{n}」ではありませんか(ファイルは作っていません)"
        ),
        None => format!("{flag} の「{value}」という{kind}はありません(ファイルは作っていません)"),
    },
    domain_required: |kind| {
        format!(
            "{kind}を作るには --domain 分野/領域 が必要です(例: --domain kurashi/online)。領域のフォルダの中で実行すれば、その領域に作ります"
        )
    },
    option_for: |flag, kind| format!("{flag} は{kind}を作るときだけ指定できます"),
    empty_title: "--title が空です",
    unknown_domain: |d, nearest| match nearest {
        Some(n) => format!(
            "領域「{d}」はありません。「{n}」ではありませんか(領域は domain.toml のあるフォルダです)"
        ),
        None => format!(
            "領域「{d}」はありません(領域は domain.toml のあるフォルダです。例: kurashi/online)"
        ),
    },
    not_empty: |d| format!("{d} は空のフォルダではありません。新しいフォルダを指定してください"),
    formatted: "整形しました",
    would_format: "整形が必要です",
    unformattable: "TOML として読めないため整形しませんでした",
    fmt_summary: |n, check| match (n, check) {
        (0, true) => "整形が必要なファイルはありません(読めたファイルのうち)。".to_owned(),
        (0, false) => "整形したファイルはありません(読めたファイルのうち)。".to_owned(),
        (n, true) => format!("{n} 件のファイルの整形が必要です(dx fmt で整形できます)。"),
        (n, false) => format!("{n} 件のファイルを整形しました。"),
    },
    fmt_unreadable: |n| {
        format!(
            "TOML として読めない {n} 件のファイルは整形していません。dx check でエラーを確かめてください。"
        )
    },
    symlink_skipped: "注意: シンボリックリンクはたどりません(中のレコードは検査されていません)",
    special_skipped: "注意: 通常のファイルではない(名前付きパイプやデバイスなど)ため読みません。レコードなら通常のファイルとして置いてください",
    folder_skipped: "注意: レコードのファイル名を持つフォルダです(レコードとしては読みません)。レコードならファイルとして置き、フォルダなら .toml で終わらない名前にしてください",
    cannot_reread: "注意: このファイルをパスから読み直せないため(フォルダやファイルの名前が UTF-8 でないなど)、該当する行を表示できません。名前を直してください",
    changed_since_check: "注意: 検査の後でこのファイルが変更されたため、該当する行を表示できません。もう一度 dx check を実行してください",
    nothing_to_write: "変更はありません(すでに記録されています)。",
    write_refused: "この変更で検査のエラーが増えるため、何も書き込みませんでした。直してからもう一度実行するか、--force で書き込みます。",
    dry_run: "(--dry-run: 何も書き込んでいません)",
    written: "書き込みました",
    not_a_meeting: |p| {
        format!(
            "{p} はツリーの meetings/ にある会議ファイルではありません。会議ファイルは meetings/ に置いてから dx apply してください(dx agenda --format meeting で雛形を作れます)"
        )
    },
    cannot_open: |path, why| {
        format!(
            "{path} を開けませんでした({why})。フォルダやファイルの名前が UTF-8 でない、長すぎる、などがないか確かめてください"
        )
    },
    tree_busy: |pid, waited| {
        let who = pid.map_or_else(
            || "ほかの dx の書き込み".to_owned(),
            |p| format!("ほかの dx の書き込み(プロセス番号 {p})"),
        );
        format!(
            "{who}が {waited} 秒たっても終わらないため、何も書き込んでいません。終わるのを待ってからもう一度実行してください(止まっているなら、そのプロセスを終了させてください。ロックはプロセスが終われば外れます)"
        )
    },
    recovered: |n| {
        format!(
            "前回の dx の書き込みが途中で止まっていたため、変更しかけたファイル {n} 件を元に戻しました。止まったコマンドは、必要ならもう一度実行してください"
        )
    },
    id_taken: "同じ時にほかの人が同じ ID のファイルを作ったため、何も書き込みませんでした。もう一度実行すると次の空き番号で作ります",
    meeting_file_exists: |path| {
        format!(
            "{path} はすでにあります。記入済みの会議ファイルを上書きしないよう、雛形は書き出しませんでした。別の名前を指定するか、今のファイルを使ってください"
        )
    },
    temp_unwritable: |dir, why| {
        format!(
            "一時フォルダ {dir} にファイルを作れないため、ブックを作れませんでした({why})。環境変数 TMPDIR に書き込めるフォルダを指定して、もう一度実行してください"
        )
    },
    format_not_here: |format| {
        format!(
            "--format {format} はこのコマンドでは使えません。dx help で使える形式を確かめてください"
        )
    },
    binary_to_terminal: "Excel のブックは端末に表示できません。-o 台帳.xlsx のようにファイルを指定してください",
    tables_need_folder: "--format tables には書き出すフォルダを -o で指定してください(例: -o tables)",
    public_only_tables: "--public は --format xlsx と tables で使えます(JSON・YAML は dx report --public の元データではありません)",
    write_too_large: |path, size, limit| {
        format!(
            "{path} が {} KiB になり、dx が読めるファイルの上限 {} KiB を超えるため、何も書き込みませんでした。同じ記録を繰り返していないか、長すぎる文がないかを確かめてください",
            size / 1024,
            limit / 1024
        )
    },
    nothing_written: "書き込めなかったため、何も変更していません(書きかけたファイルはすべて元に戻しました)",
    name_too_long: "。フォルダやファイルの名前が長すぎます。短い名前にしてください",
    lsp_refused: |size| match size {
        Some(n) => format!(
            "dx lsp: エディタから届いたメッセージが大きすぎるため({} MiB)、読まずに捨てました。レコードは 4 MiB までの小さなテキストです",
            n / (1024 * 1024)
        ),
        None => "dx lsp: エディタから届いたメッセージが JSON-RPC として読めないため、捨てました"
            .to_owned(),
    },
    unknown_table: |wanted, choices| {
        format!(
            "「{wanted}」という表はありません。--table には次のどれかを指定してください: {choices}"
        )
    },
    csv_one_table: |choices| {
        format!(
            "注意: CSV には表を一つだけ書きます(最初の表を書きました)。ほかの表は --table で選んでください: {choices}"
        )
    },
    cell_cut: |n| format!("…【Excel の上限を超えるため以下を省略。全 {n} 文字は JSON・CSV で】"),
    cuts_sheet: "注意",
    cuts_headers: ["省略したセル", "行(ID)", "元の文字数"],
    cannot_write: |path, why| {
        format!(
            "{path} に書き込めませんでした({why})。フォルダがあるか、書き込めるかを確かめてください"
        )
    },
    tree_has_errors: |e, u| {
        if u > 0 {
            format!(
                "注意: このツリーには検査のエラーが {e} 件あり、読めないファイル {u} 件は集計に含まれていません。dx check で確かめてください"
            )
        } else {
            format!(
                "注意: このツリーには検査のエラーが {e} 件あります。数字が正しくないおそれがあります。dx check で確かめてください"
            )
        }
    },
    new_folder_usage: "領域は dx new 領域 分野/領域 --name 名前、分野は dx new 分野 分野 --name 名前 で作ります(ID は半角の英小文字・数字・ハイフン。例: dx new 領域 kurashi/kosodate --name 子育て)",
    mv_needs_target: "新しい ID、--next、--domain のどれかを指定してください(例: dx mv K-011 --next)",
    links_left: |id| {
        format!(
            "次のレコードの「{id}」へのリンクは、同じ ID のどちらを指すか決められないため書き換えていません。必要なら --links-from で指定してください:"
        )
    },
    meeting_has_errors: "会議ファイルに dx check のエラーがあるため、何も書き込みませんでした。上の指摘を直してから、もう一度 dx apply を実行してください。",
    meeting_unreadable: |p| {
        format!(
            "{p} は meetings/ にありますが、会議ファイルとして読めないため、何も書き込みませんでした。上の指摘を直してください"
        )
    },
    unfilled_entry: |at, table, record| {
        format!("{at}: 未記入: [[{table}]] {record} の結果(result または value)が書かれていません")
    },
    unfilled_refused: |n| {
        format!(
            "未記入の項目が {n} 件あるため、何も書き込みませんでした。記入してからもう一度実行するか、--skip-unfilled で未記入の項目を除いて記録してください。"
        )
    },
    unfilled_skipped: |n| format!("未記入の {n} 件は記録せずに除きました:"),
    all_recorded: "会議ファイルの項目はすべて記録済みです。変更はありません。",
    no_entries: "この会議ファイルには記録する項目([[decision]]・[[review]]・[[measurement]])がありません。何も書き込んでいません。",
    findings_introduced: "この変更で増える指摘:",
    findings_fixed: "この変更で解消する指摘:",
    meeting_refused: "会議ファイルに適用できない項目があるため、何も書き込みませんでした:",
    follow_up: |f| match f {
        FollowUp::Stage {
            id,
            from: Some(from),
            to,
        } => format!("  {id} の段階: {from} → {to}"),
        FollowUp::Stage { id, from: None, to } => format!("  {id} の段階: {to}"),
        FollowUp::Review { id, date } => format!("  {id} の次の見直し: {date}"),
        FollowUp::SameDecision { id, title, after } => {
            format!(
                "  確認: {id}「{title}」は {after} を実現する技術です。同じ判断が必要ではありませんか(dx decide {id} …)"
            )
        }
        FollowUp::NoActiveTechnology { id, title } => {
            format!(
                "  確認: 手法 {id}「{title}」を実現する技術がすべて見送り・廃止になりました。手法の段階も見直しますか"
            )
        }
        FollowUp::AlreadyRecorded { id, what, date } => {
            format!(
                "  記録済み: {id} の {date} の「{what}」はすでに記録されています(書き込んでいません)"
            )
        }
        FollowUp::Forced { id, stage, result } => format!(
            "  注意: {id} は{stage}の段階で、ふつうは「{result}」を記録できません。--force で記録しました(dx diff で段階の後戻りとして示されます)"
        ),
    },
    edit_error: |e| match e {
        EditError::UnknownRecord {
            id,
            nearest: Some(n),
        } => format!("「{id}」というレコードはありません。「{n}」ではありませんか"),
        EditError::UnknownRecord { id, nearest: None } => {
            format!("「{id}」というレコードはありません")
        }
        EditError::Ambiguous { id } => format!(
            "「{id}」のファイルが2つあります。どちらのファイルかをパスで指定してください(ID を直すには: dx mv <パス> --next)"
        ),
        EditError::NotWork { id } => {
            format!("{id} は課題です。意思決定・見直し・測定は手法か技術に記録します")
        }
        EditError::UnknownIndicator { id, name, known } if known.is_empty() => {
            format!("{id} に評価指標「{name}」はありません(評価指標がありません)")
        }
        EditError::UnknownIndicator { id, name, known } => {
            format!(
                "{id} に評価指標「{name}」はありません。名前か番号(1 から)で指定してください: {}",
                known.join("、")
            )
        }
        EditError::Unreadable { path } => format!(
            "{path} を読めないか TOML として正しくないため、書き換えられません(dx check で確かめてください)"
        ),
        EditError::Transition {
            id,
            stage: Some(stage),
            result,
            allowed,
        } => format!(
            "{id} は{stage}の段階のため、結果「{result}」は記録できません。{stage}から記録できる結果: {}。{}(どうしても記録するときは --force)",
            allowed
                .iter()
                .map(|o| o.as_str())
                .collect::<Vec<_>>()
                .join("・"),
            match stage {
                crate::vocab::Stage::Decided => "導入して運用を始めたときは「運用開始」です",
                crate::vocab::Stage::Operation =>
                    "運用中の見直しは dx review(継続・改善・廃止)で記録します",
                _ => "段階は結果に合わせて変わります",
            }
        ),
        EditError::Transition {
            id,
            stage: None,
            result,
            ..
        } => format!(
            "{id} の stage が読めないため、結果「{result}」を記録できません。dx check で stage を確かめてください"
        ),
        EditError::NotOperating { id, stage } => format!(
            "dx review は運用中の手法・技術の定期的な見直しを記録します。{id} は{}です。段階を進める・止めるときは dx decide {id} --result … を使ってください",
            stage.map_or("段階が不明", |s| s.as_str())
        ),
        EditError::FutureDate { id, date, today } => format!(
            "{id}: 日付 {date} は今日({today})より後です。まだ開かれていない会議や測定は記録できません。日付を確かめてください(予定を記録するときは --force)"
        ),
        EditError::ReviewNotAfter {
            id,
            review_due,
            date,
        } => format!(
            "{id}: 次の見直し {review_due} が、それを決めた日 {date} より後ではありません。--next-review に {date} より後の日付を指定してください"
        ),
        EditError::ObservationExists {
            id,
            indicator,
            date,
            recorded,
            given,
        } => format!(
            "{id} の評価指標「{indicator}」には {date} の測定値({})がすでにあります。今回の値は {} です。置き換えるときは --replace を付けてください",
            recorded.map_or_else(|| "値なし".to_owned(), |v| v.to_string()),
            given.map_or_else(|| "値なし".to_owned(), |v| v.to_string())
        ),
        EditError::Unparsed { id, path } => format!(
            "{id} のファイル {path} は TOML として読めないため、書き換えられません。dx check で指摘を確かめて直してください"
        ),
        EditError::Exists { what } => format!("{what} はすでにあります"),
        EditError::Referral {
            id,
            result: crate::vocab::Outcome::Refer,
        } => format!(
            "{id} の付議には、付議先の会議体を --to で指定してください(例: --to 推進本部。会議ファイルでは to = \"推進本部\")"
        ),
        EditError::Referral { id, result } => format!(
            "{id}: --to(付議先)は結果が「付議」のときだけ指定します(指定された結果: {result})"
        ),
        EditError::Invalid { what } => format!("指定が正しくありません: {what}"),
    },
};

fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Error => "エラー",
        Severity::Warning => "警告",
    }
}

fn id_kind(k: IdKind) -> &'static str {
    match k {
        IdKind::Issue => "課題",
        IdKind::Method => "手法",
        IdKind::Technology => "技術",
        IdKind::Vision => "ビジョン項目",
        IdKind::Principle => "原則",
        IdKind::Consideration => "横断的配慮",
        IdKind::National => "国の重点取組事項",
        IdKind::Field => "分野",
        IdKind::Domain => "領域",
    }
}

fn example_id(k: IdKind) -> &'static str {
    match k {
        IdKind::Issue => "K-001",
        IdKind::Method => "S-001",
        IdKind::Technology => "G-001",
        IdKind::Vision => "kurashi-1",
        IdKind::Principle => "P1",
        IdKind::Consideration => "C1",
        IdKind::National => "N1",
        IdKind::Field => "kurashi",
        IdKind::Domain => "kurashi/online",
    }
}

fn toml_type(t: &str) -> &'static str {
    match t {
        "string" => "文字列",
        "integer" => "整数",
        "float" => "小数",
        "boolean" => "真偽値",
        "datetime" => "日付",
        "array" => "配列",
        "table" => "テーブル",
        _ => "値",
    }
}

fn value_type(t: ValueType) -> &'static str {
    match t {
        ValueType::String => "文字列(\"…\")",
        ValueType::StringList => "文字列の配列([\"…\"])",
        ValueType::Number => "数値",
        ValueType::PositiveInteger => "1 以上の整数",
        ValueType::Date => "日付(2025-03-31)",
        ValueType::Table => "テーブル([…])",
        ValueType::TableList => "テーブルの配列([[…]])",
        ValueType::Boolean => "true か false",
    }
}

fn parse_detail(detail: &str) -> String {
    let known = [
        ("duplicate key", "同じキーが2回書かれています"),
        ("invalid basic string", "文字列の閉じ引用符 \" がありません"),
        (
            "invalid literal string",
            "文字列の閉じ引用符 ' がありません",
        ),
        ("max recursion depth", "配列やテーブルの入れ子が深すぎます"),
        ("invalid key", "キーの書き方が正しくありません"),
        (
            "invalid table header",
            "テーブル見出し [...] の書き方が正しくありません",
        ),
        ("expected `=`", "キーの後に = がありません"),
        ("unclosed array", "配列の閉じかっこ ] がありません"),
        (
            "carriage return must be followed",
            "改行が CR だけになっています(エディタで改行コードを CRLF か LF にしてください)",
        ),
        ("invalid date", "存在しない日付です"),
        ("invalid time", "時刻の書き方が正しくありません"),
        ("number too large", "数値が大きすぎます"),
        ("invalid integer", "整数の書き方が正しくありません"),
        ("invalid float", "小数の書き方が正しくありません"),
        ("invalid array", "配列の書き方が正しくありません"),
        (
            "invalid inline table",
            "インラインテーブル {...} の書き方が正しくありません",
        ),
    ];
    known
        .iter()
        .find(|(en, _)| detail.contains(en))
        .map_or_else(
            || format!("TOML の書き方が正しくありません({detail})"),
            |(_, ja)| (*ja).to_owned(),
        )
}

fn message(m: &Message) -> String {
    match m {
        Message::ParseError { detail } => {
            format!("TOML として読み取れません: {}", parse_detail(detail))
        }
        Message::ControlCharacter { code } => {
            format!("表示できない制御文字(U+{code:04X})が含まれています")
        }
        Message::TooLarge { size, limit } => format!(
            "ファイルが大きすぎます({} KiB、上限は {} KiB)",
            size / 1024,
            limit / 1024
        ),
        Message::NotUtf8 { guess: Some(g) } => {
            format!("ファイルが UTF-8 ではありません({g} で保存されているようです)")
        }
        Message::NotUtf8 { guess: None } => "ファイルが UTF-8 のテキストではありません".into(),
        Message::UnknownKey { key, .. } => format!("キー `{key}` はここでは使えません"),
        Message::MissingKey { key } => format!("必須のキー `{key}` がありません"),
        Message::MissingFile { path } => format!("必須のファイル {path} がありません"),
        Message::WrongType {
            key,
            expected,
            found,
        } => format!(
            "`{key}` は{}で書きます({}が書かれています)",
            value_type(*expected),
            toml_type(found)
        ),
        Message::NotInVocabulary { key, value, .. } => format!("`{key}` に「{value}」は使えません"),
        Message::DateWithTime { key } => {
            format!("`{key}` は時刻やタイムゾーンを含まない日付で書きます")
        }
        Message::DateAsString { key, value, .. } => {
            format!("`{key}` の日付が文字列(\"{value}\")になっています")
        }
        Message::BadValue { key, value, why } => match why {
            BadValue::Prefix => format!("`{key}` の「{value}」は ID の接頭辞に使えません"),
            BadValue::PrefixClash => format!("`{key}` の「{value}」は他の種類の接頭辞と同じです"),
            BadValue::UnknownRule => format!("規則「{value}」はありません"),
            BadValue::Severity => format!("`{key}` の「{value}」は重大度ではありません"),
            BadValue::NotFinite => format!("`{key}` の値 {value} は数値として使えません"),
            BadValue::DuplicateVisionNo => format!("ビジョン項目の番号 {value} が重複しています"),
            BadValue::ReferenceId => format!("`{key}` の「{value}」は ID の形ではありません"),
            BadValue::Empty => format!("`{key}` が空です"),
            BadValue::PeriodOrder => format!("`{key}`({value})が期間の開始日より前です"),
            BadValue::ActualWithObservations => {
                format!("`{key}`({value})と [[indicator.observation]] が両方あります")
            }
            BadValue::ValueWhenUnmeasurable => {
                format!("状態が「評価不能」の測定に値({value})があります")
            }
            BadValue::GradeThreshold => format!("`{key}` の {value} は評価の基準に使えません"),
        },
        Message::IdFormat {
            value, expected, ..
        } => {
            let value = visible(value);
            format!(
                "「{value}」は{}の ID の形ではありません",
                id_kind(*expected)
            )
        }
        Message::FileNameNotId { stem, .. } => {
            format!("ファイル名「{stem}」がレコードの ID になっていません")
        }
        Message::IdFilename { id, stem } => format!("id「{id}」がファイル名「{stem}」と違います"),
        Message::DuplicateId { id, others, .. } => {
            let others: Vec<&str> = others.iter().map(String::as_str).collect();
            format!("ID {id} は {} でも使われています", list(&others, "、"))
        }
        Message::OutsideDomain => {
            "レコードが領域のフォルダ(domain.toml のあるフォルダ)の外にあります".into()
        }
        Message::DomainOutsideField { domain } => {
            format!("領域 {domain} が分野のフォルダ(field.toml のあるフォルダ)の中にありません")
        }
        Message::NoLinkInDomain {
            domain,
            field: false,
        } => format!("解決・実現する対象がどれも自分の領域({domain})にありません"),
        Message::NoLinkInDomain {
            domain,
            field: true,
        } => format!("ビジョン項目がどれも自分の分野({domain})のものではありません"),
        Message::BrokenLink {
            target, expected, ..
        } => {
            format!("{}「{target}」は存在しません", id_kind(*expected))
        }
        Message::WrongLinkKind {
            target,
            expected,
            found,
        } => format!(
            "「{target}」は{}です。ここには{}を書きます",
            id_kind(*found),
            id_kind(*expected)
        ),
        Message::MissingLink { key, expected } => {
            format!(
                "`{key}` が空です: {}を一つ以上書いてください",
                id_kind(*expected)
            )
        }
        Message::DuplicateLink { target, count } => {
            format!("「{target}」が同じリストに {count} 回あります")
        }
        Message::MeetingRecord { target, .. } => {
            format!("会議ファイルのレコード「{target}」は存在しません")
        }
        Message::MeetingField { target, .. } => {
            format!("会議ファイルの分野「{target}」は存在しません")
        }
        Message::MeetingIndicator {
            record, indicator, ..
        } => {
            format!("{record} に評価指標「{indicator}」はありません")
        }
        Message::Headline {
            entry, known: None, ..
        } => {
            format!("[report] headline の「{entry}」のレコードが見つかりません")
        }
        Message::Headline { entry, .. } => {
            format!("[report] headline の「{entry}」の評価指標が見つかりません")
        }
        Message::MeetingIssue { target } => {
            format!("{target} は課題です。意思決定・見直し・測定は手法か技術に記録します")
        }
        Message::EmptyValue { key } => format!("`{key}` が空です"),
        Message::LgCode { value, .. } => format!(
            "`tree.lg_code` の「{value}」は全国地方公共団体コード(検査数字つき6桁)ではありません"
        ),
        Message::FullWidthSyntax { found, instead } if found == "\u{3000}" => {
            let _ = instead;
            "TOML として読み取れません: 全角の空白が使われています".to_owned()
        }
        Message::FullWidthSyntax { found, .. } => {
            format!("TOML として読み取れません: 全角の「{found}」が使われています")
        }
        Message::PublicLinksInternal { target } => {
            format!("公開のレコードが庁内限定の {target} にリンクしています")
        }
        Message::UnknownDepartment { key, value, .. } => {
            format!("`{key}` の「{value}」は dx.toml の departments にない部署です")
        }
        Message::DuplicateObservation { indicator, date } => {
            format!("評価指標「{indicator}」に {date} の測定が2件以上あります")
        }
        Message::FutureDate { what, date, today } => match what {
            DatedEntry::Decision => format!("意思決定の日付 {date} が今日({today})より後です"),
            DatedEntry::Observation => format!("測定の日付 {date} が今日({today})より後です"),
        },
        Message::LinkCycle { cycle } => {
            let ids: Vec<&str> = cycle.iter().map(String::as_str).collect();
            format!("expands が輪になっています: {}", list(&ids, " → "))
        }
        Message::LinkToRetired { target, why } => match why {
            Retired::Closed => format!("リンク先の課題 {target} は解消済みです"),
            Retired::Stage(s) => format!("リンク先の手法 {target} は「{s}」になっています"),
        },
        Message::MissingIndicator { stage } => format!("段階「{stage}」なのに評価指標がありません"),
        Message::IndicatorWithoutTarget { name } => {
            format!("評価指標「{name}」に目標値 target がありません")
        }
        Message::ActualWithoutMeasured { name } => {
            format!("評価指標「{name}」の実績値 actual に測定日 measured がありません")
        }
        Message::MissingDecision { stage } => {
            format!("段階「{stage}」なのに意思決定の記録がありません")
        }
        Message::MissingTeam { stage } => {
            format!("段階「{stage}」なのに検討チーム(またはタスクフォース)がありません")
        }
        Message::ReviewOverdue { due, today } => {
            format!("定期的な見直しの期限 {due} を過ぎています(本日 {today})")
        }
        Message::ReviewMissing => "運用中なのに定期的な見直しの期限 review_due がありません".into(),
        Message::RevisionReviewDue {
            version,
            date,
            via,
            issue: true,
            ..
        } => format!(
            "指針の改定 {version}({date})で「{via}」が変わりましたが、その後この課題の整理をやり直した記録(reviewed)がありません"
        ),
        Message::RevisionReviewDue {
            version, date, via, ..
        } => format!(
            "指針の改定 {version}({date})で「{via}」が変わりましたが、その後の意思決定がありません"
        ),
        Message::RetiredReference {
            target, edition, ..
        } => format!("国の重点取組事項「{target}」は、いまの版({edition})にありません"),
        Message::StalePilot { target_date, stage } => format!(
            "「{stage}」の評価指標の目標日 {target_date} を過ぎましたが、その後の意思決定がありません"
        ),
        Message::BeyondPeriod {
            key,
            date,
            period_end,
        } => {
            format!("`{key}` の {date} が指針の期間の終わり({period_end})より後です")
        }
        Message::PersonalData { kind, masked } => match kind {
            PersonalKind::MyNumber => {
                format!("個人番号(マイナンバー)と思われる数字があります: {masked}")
            }
            PersonalKind::Phone => format!("電話番号と思われる文字列があります: {masked}"),
            PersonalKind::Email => {
                format!("許可されていないドメインのメールアドレスがあります: {masked}")
            }
        },
    }
}

fn help(m: &Message) -> Option<String> {
    Some(match m {
        Message::ParseError { .. } => "示された位置の書き方を直してください(`dx explain parse-error`)".into(),
        Message::ControlCharacter { .. } => "制御文字を削除してください(他のソフトから貼り付けたときに混じることがあります)".into(),
        Message::TooLarge { .. } => "レコードは1件1ファイルの小さなテキストです。誤って貼り付けた内容がないか確認してください".into(),
        Message::NotUtf8 { .. } => "エディタで文字コード「UTF-8」を指定して保存し直してください".into(),
        Message::UnknownKey { suggestion: Some(s), .. } => format!("`{s}` の書き間違いではありませんか"),
        Message::UnknownKey { suggestion: None, .. } => "使えるキーは `dx explain unknown-key` と schemas/ を参照してください".into(),
        Message::MissingKey { key } => format!("`{key} = …` を追加してください"),
        Message::MissingFile { path } => format!("ツリーの最上位に {path} を置いてください(`dx init` で雛形を作れます)"),
        Message::WrongType { expected: ValueType::Date, .. } => "日付は引用符なしで 2025-03-31 のように書きます".into(),
        Message::WrongType { .. } => return None,
        Message::NotInVocabulary { suggestion: Some(s), .. } => format!("「{s}」ではありませんか"),
        Message::NotInVocabulary { allowed, .. } => format!("使える値: {}", list(allowed, "、")),
        Message::DateWithTime { .. } => "2025-03-31 のように日付だけを書いてください".into(),
        Message::DateAsString { key, date: Some(d), .. } => format!("TOML の日付で `{} = {d}` と書いてください(引用符なし)", key.rsplit('.').next().unwrap_or(key)),
        Message::DateAsString { .. } => "日付は引用符なしの YYYY-MM-DD で書いてください(例: 2026-03-31)".into(),
        Message::BadValue { why: BadValue::ActualWithObservations, .. } => "actual と measured を消して、[[indicator.observation]] の一件(date = measured の日付、value = actual の値)に移してください".into(),
        Message::BadValue { why: BadValue::ValueWhenUnmeasurable, .. } => "評価不能のときは value を書きません。測れた値なら status を「確定」「速報」「推計」のいずれかにしてください".into(),
        Message::BadValue { why: BadValue::GradeThreshold, .. } => "a_pace と b_pace は正の数で、a_pace を b_pace 以上にします(既定: a_pace = 1.10、b_pace = 0.90)".into(),
        Message::BadValue { why: BadValue::Prefix, .. } => "接頭辞は半角英大文字で書きます(例: \"K\")".into(),
        Message::BadValue { .. } => return None,
        Message::IdFormat { suggestion: Some(s), .. } => format!("半角で「{s}」と書いてください"),
        Message::IdFormat { expected, .. } => format!("{}の ID は {} の形で書きます", id_kind(*expected), example_id(*expected)),
        Message::FileNameNotId { suggestion: Some(s), .. } => format!("ファイル名を {s}.toml にしてください"),
        Message::FileNameNotId { .. } => "レコードのファイル名は K-001.toml・S-001.toml・G-001.toml の形です。レコードでない TOML ファイルは置かないでください".into(),
        Message::IdFilename { stem, .. } => format!("id を「{stem}」にするか、id の行を削除してください"),
        Message::DuplicateId { path, next, .. } => format!("どちらかを空いている番号({next})に変えます。リンクも合わせて書き換えるには: dx mv {path} --next(このファイルを指すリンクは --links-from で指定)"),
        Message::OutsideDomain => "domain.toml のある領域フォルダに移してください".into(),
        Message::DomainOutsideField { .. } => "分野のフォルダに field.toml を置くか、領域を分野のフォルダの中に移してください".into(),
        Message::NoLinkInDomain { .. } => "リンク先と同じ領域のフォルダに移すことを検討してください".into(),
        Message::BrokenLink { suggestion: Some(s), .. } => format!("「{s}」ではありませんか"),
        Message::BrokenLink { .. } => "リンク先のレコードを作るか(`dx new`)、ID を確認してください".into(),
        Message::WrongLinkKind { expected, .. } => format!("{}の ID({} など)を書いてください", id_kind(*expected), example_id(*expected)),
        Message::MissingLink { expected, .. } => format!("例: [\"{}\"]", example_id(*expected)),
        Message::DuplicateLink { .. } => "2回目以降を削除してください(`dx fmt` で自動修正できます)".into(),
        Message::MeetingRecord { suggestion: Some(s), .. } => format!("「{s}」ではありませんか"),
        Message::MeetingRecord { .. } => "レコードの ID を確かめてください(`dx list`)".into(),
        Message::MeetingField { suggestion: Some(s), .. } => format!("「{s}」ではありませんか"),
        Message::MeetingField { .. } => {
            "分野のフォルダー名(field.toml のあるフォルダー)を書いてください".into()
        }
        Message::MeetingIndicator { known, .. } if known.is_empty() => "このレコードには評価指標がありません。先にレコードに [[indicator]] を追加してください".into(),
        Message::MeetingIndicator { known, .. } => format!("評価指標の名前か、その番号(1 から)を書いてください: {}", known.join("、")),
        Message::Headline { suggestion: Some(s), known: None, .. } => format!("「{s}」ではありませんか。「レコードの ID/評価指標の名前」と書きます(例: S-001/オンライン申請率)"),
        Message::Headline { known: None, .. } => "「レコードの ID/評価指標の名前」と書きます(例: S-001/オンライン申請率)。ID は `dx list` で確かめられます".into(),
        Message::Headline { known: Some(k), .. } if k.is_empty() => "このレコードには評価指標がありません。評価指標のあるレコードを挙げてください".into(),
        Message::Headline { known: Some(k), .. } => format!("/ の後に評価指標の名前か、その番号(1 から)を書いてください: {}", k.join("、")),
        Message::MeetingIssue { .. } => "この課題を解決する手法の ID を書いてください(`dx show` で確かめられます)".into(),
        Message::FullWidthSyntax { instead, .. } if instead == " " => "半角の空白にしてください(TOML の記号と区切りの空白は半角で書きます)".into(),
        Message::FullWidthSyntax { instead, .. } => format!("半角の {instead} にしてください(TOML の記号 = \" ' , [ ] # は半角で書きます)"),
        Message::LgCode { expected: Some(code), .. } => format!("検査数字を含めて {code} ではありませんか(総務省の全国地方公共団体コード。例: 西宮市は 282049)"),
        Message::LgCode { .. } => "6桁の数字で書きます(総務省の全国地方公共団体コード。例: 西宮市は 282049)".into(),
        Message::EmptyValue { .. } => "内容を書くか、任意のキーなら行ごと削除してください".into(),
        Message::PublicLinksInternal { target } => format!("{target} を公開してよいなら visibility = \"public\" に、そうでなければリンクか公開区分を見直してください"),
        Message::UnknownDepartment { suggestion: Some(s), .. } => format!("「{s}」ではありませんか(新しい部署なら dx.toml の departments に加えます)"),
        Message::UnknownDepartment { .. } => "部署名を確かめてください(新しい部署なら dx.toml の departments に加えます)".into(),
        Message::DuplicateObservation { .. } => "一方を削除するか、日付を直してください(速報を確定に改めたときは確定の一件だけを残します)".into(),
        Message::FutureDate { .. } => "日付を直してください(年の打ち間違いではありませんか)".into(),
        Message::LinkCycle { .. } => "輪の中のどれか一つの expands を削除するか直してください".into(),
        Message::LinkToRetired { .. } => "段階を見直すか、リンク先を付け替えてください".into(),
        Message::MissingIndicator { .. } => "[[indicator]] を追加してください(name・unit・baseline・target・target_date)".into(),
        Message::IndicatorWithoutTarget { .. } => "target = … を追加してください".into(),
        Message::ActualWithoutMeasured { .. } => "measured = 2025-09-30 のように測定日を追加してください".into(),
        Message::MissingDecision { .. } => "[[decision]] を追加してください(date・body・result)".into(),
        Message::MissingTeam { .. } => "[team] を追加してください(name・kind・lead・departments)".into(),
        Message::ReviewOverdue { .. } | Message::ReviewMissing => "見直しを行って [[decision]] を記録し、次の review_due を書いてください".into(),
        Message::StalePilot { .. } => "結果を報告し、判断を [[decision]] に記録して stage を更新してください".into(),
        Message::RetiredReference { target, successor: Some(s), .. } => format!("いまの版では「{s}」が引き継いでいます。dx mv {target} {s} でリンクをまとめて書き換えられます"),
        Message::RetiredReference { .. } => "いまの版の項目につなぎ直すか、national から外してください".into(),
        Message::RevisionReviewDue { id, issue: true, .. } => format!("改定に合わせて課題を整理し直し、dx review {id} で記録してください"),
        Message::RevisionReviewDue { id, .. } => format!("改定に合わせて見直し、判断を記録してください(例: dx decide {id} --body 作業部会 --result 継続)"),
        Message::BeyondPeriod { .. } => "期間内の日付にするか、dx.toml の period_end を見直してください".into(),
        Message::PersonalData { kind: PersonalKind::Email, .. } => "削除するか、市のドメインなら dx.toml の [privacy] allowed_email_domains に加えてください".into(),
        Message::PersonalData { .. } => "個人を特定できる情報を削除し、部署名や役職で書いてください".into(),
    })
}

fn summary(s: &Summary) -> String {
    format!(
        "エラー {} 件、警告 {} 件(レコード {} 件を検査)",
        s.errors, s.warnings, s.records
    )
}

fn load_error(e: &LoadError) -> String {
    match e {
        LoadError::NoTree { start } => format!(
            "レコードのツリーが見つかりません: {} から上のフォルダにも ./records にも dx.toml がありません。--root でツリーのフォルダを指定してください",
            start.display()
        ),
        LoadError::NotAFolder { path } => format!("{} はフォルダではありません", path.display()),
        LoadError::Io { path, source } => format!("{} を読み取れません: {source}", path.display()),
        LoadError::TooManyFiles { count, max } => format!(
            "ツリーのファイルが多すぎます({count} 個)。一度に読めるのは {max} 個までです。分野ごとにツリーを分けてください"
        ),
    }
}
