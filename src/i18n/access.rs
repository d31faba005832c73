//! The sentences of a database shared by the members of a council on one server: a file
//! that cannot be written (who owns it, and the commands that fix it), a file that is not
//! thamdinh's, the screens opened read-only.

use super::{Lang, say, shell_word};
use crate::store::open::{Access, NotOurs};
use std::path::Path;

/// A mode as `ls -l` shows it: `-rw-rw-r--` (a folder `drwxrwsr-x`).
pub fn mode_text(mode: u32, folder: bool) -> String {
    let mut out = String::from(if folder { "d" } else { "-" });
    for (shift, special, letter) in [(6, 0o4000, 's'), (3, 0o2000, 's'), (0, 0o1000, 't')] {
        let bits = (mode >> shift) & 7;
        out.push(if bits & 4 != 0 { 'r' } else { '-' });
        out.push(if bits & 2 != 0 { 'w' } else { '-' });
        out.push(match (bits & 1 != 0, mode & special != 0) {
            (true, true) => letter,
            (false, true) => letter.to_ascii_uppercase(),
            (true, false) => 'x',
            (false, false) => '-',
        });
    }
    out
}

/// The commands that let `a.user` write: the council's group on the file (or folder), the
/// group's write permission, the user in the group (then a new login).
pub fn fix_commands(a: &Access) -> Vec<String> {
    let path = shell_word(&a.path.display().to_string());
    let group = shell_word(&a.council);
    let mut out = vec![format!("sudo chgrp {group} {path}")];
    if a.folder {
        out.push(format!("sudo chmod 2775 {path}"));
    } else {
        out.push(format!("sudo chmod g+w {path}"));
    }
    if !a.groups.iter().any(|g| g == &a.council) {
        out.push(format!("sudo usermod -aG {group} {}", shell_word(&a.user)));
    }
    out
}

/// Why the current user cannot write the database, and what fixes it.
pub fn not_writable(a: &Access, lang: Lang) -> String {
    let path = a.path.display();
    let (owner, group, user) = (&a.owner, &a.group, &a.user);
    let mode = mode_text(a.mode, a.folder);
    let octal = format!("{:04o}", a.mode);
    let groups = a.groups.join(", ");
    let what = if a.folder {
        lang.pick("thư mục", "the folder")
    } else {
        lang.pick("tệp", "the file")
    };
    let mut out = say!(
        lang,
        "Bạn không có quyền ghi {what} {path} (chủ sở hữu {owner}, nhóm {group}, quyền {mode} = {octal}); bạn là {user}, thuộc các nhóm: {groups}. Cơ sở dữ liệu vẫn đọc được nhưng không ghi được. Cách sửa — người quản trị chạy:",
        "You may not write {what} {path} (owner {owner}, group {group}, mode {mode} = {octal}); you are {user}, in the groups: {groups}. The database can still be read but not written. To fix it, an administrator runs:"
    );
    for c in fix_commands(a) {
        out.push_str("\n  ");
        out.push_str(&c);
    }
    if !a.groups.iter().any(|g| g == &a.council) {
        out.push('\n');
        out.push_str(&say!(
            lang,
            "rồi {user} đăng xuất và đăng nhập lại (nhóm mới chỉ có hiệu lực từ lần đăng nhập sau).",
            "then {user} logs out and in again (a new group takes effect from the next login)."
        ));
    }
    out
}

/// Why a file is not a thamdinh database (it was left untouched).
pub fn not_ours(path: &Path, why: &NotOurs, lang: Lang) -> String {
    let path = path.display();
    let why = match why {
        NotOurs::Empty => lang
            .pick("tệp rỗng (0 byte)", "the file is empty (0 bytes)")
            .to_string(),
        NotOurs::NotSqlite => lang
            .pick(
                "đây không phải tệp cơ sở dữ liệu SQLite",
                "it is not an SQLite database file",
            )
            .to_string(),
        NotOurs::Foreign {
            first: Some(first),
            tables,
        } => say!(
            lang,
            "đây là tệp SQLite của chương trình khác ({tables} bảng, ví dụ «{first}»)",
            "it is another program's SQLite file ({tables} tables, e.g. '{first}')"
        ),
        NotOurs::Foreign { first: None, .. } => lang
            .pick(
                "đây là tệp SQLite chưa có dữ liệu thamdinh",
                "it is an SQLite file with no thamdinh data",
            )
            .to_string(),
    };
    say!(
        lang,
        "{path} không phải cơ sở dữ liệu thamdinh: {why}. Tệp được giữ nguyên, không ghi gì vào; hãy kiểm tra đường dẫn --db (hoặc THAMDINH_DB).",
        "{path} is not a thamdinh database: {why}. The file was left untouched; check the --db path (or THAMDINH_DB)."
    )
}

/// A schema version no thamdinh writes.
pub fn bad_version(found: i64, lang: Lang) -> String {
    say!(
        lang,
        "Cơ sở dữ liệu có số phiên bản lược đồ {found}, không phải số thamdinh ghi: tệp có thể đã bị sửa bằng công cụ khác. Tệp được giữ nguyên; hãy dùng bản sao lưu.",
        "The database's schema version is {found}, which thamdinh never writes: the file may have been changed with another tool. It was left untouched; use a backup."
    )
}

/// A write asked of a database opened read-only.
pub fn read_only(lang: Lang) -> &'static str {
    lang.pick(
        "Cơ sở dữ liệu đang mở ở chế độ chỉ đọc: không ghi được.",
        "The database is open read-only: nothing can be written.",
    )
}

/// The banner of the screens opened read-only, with the reason's first line.
pub fn read_only_banner(a: &Access, lang: Lang) -> String {
    let path = a.path.display();
    let (owner, group, user) = (&a.owner, &a.group, &a.user);
    let mode = mode_text(a.mode, a.folder);
    let fix = fix_commands(a).join("; ");
    say!(
        lang,
        "CHỈ ĐỌC — {user} không có quyền ghi {path} ({owner}:{group} {mode}). Xem được, không quyết định được. Sửa: {fix}",
        "READ ONLY — {user} may not write {path} ({owner}:{group} {mode}). You can look, not decide. Fix: {fix}"
    )
}

/// What a key that writes says on a read-only database.
pub fn key_needs_write(user: &str, lang: Lang) -> String {
    say!(
        lang,
        "Chỉ đọc: {user} không có quyền ghi cơ sở dữ liệu này, nên phím này không dùng được (xem dòng trên cùng).",
        "Read only: {user} may not write this database, so this key cannot be used (see the top line)."
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn modes_read_as_ls_shows_them() {
        assert_eq!(mode_text(0o644, false), "-rw-r--r--");
        assert_eq!(mode_text(0o664, false), "-rw-rw-r--");
        assert_eq!(mode_text(0o2775, true), "drwxrwsr-x");
        assert_eq!(mode_text(0o2765, true), "drwxrwSr-x");
    }
}
