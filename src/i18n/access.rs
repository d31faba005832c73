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

/// The banner of the screens opened read-only: who may not write which file, and the one
/// fix that matters most (the group for a user outside it, else the file's group and mode).
pub fn read_only_banner(a: &Access, lang: Lang) -> String {
    let path = a.path.display();
    let (owner, group, user) = (&a.owner, &a.group, &a.user);
    let mode = mode_text(a.mode, a.folder);
    let council = shell_word(&a.council);
    let fix = if a.groups.iter().any(|g| g == &a.council) {
        fix_commands(a).join("; ")
    } else {
        say!(
            lang,
            "sudo usermod -aG {council} {user}, rồi đăng nhập lại",
            "sudo usermod -aG {council} {user}, then log in again"
        )
    };
    say!(
        lang,
        "CHỈ ĐỌC — {user} không có quyền ghi {path} ({owner}:{group} {mode}). Sửa: {fix}",
        "READ ONLY — {user} may not write {path} ({owner}:{group} {mode}). Fix: {fix}"
    )
}

/// What a key that writes says on a read-only database (the banner says why).
pub fn key_needs_write(lang: Lang) -> &'static str {
    lang.pick(
        "Chỉ đọc: phím này cần quyền ghi (xem dòng đầu).",
        "Read only: this key needs write access (see top).",
    )
}

/// An export's path that is not a regular file: nothing was written there.
pub fn not_a_file(path: &Path, what: crate::io::NotAFile, lang: Lang) -> String {
    use crate::io::NotAFile;
    let path = path.display();
    let what = match what {
        NotAFile::Link => lang.pick("một liên kết tượng trưng (symlink)", "a symbolic link"),
        NotAFile::Folder => lang.pick("một thư mục", "a folder"),
        NotAFile::Device => lang.pick("một thiết bị", "a device"),
        NotAFile::Fifo => lang.pick(
            "một ống dẫn (FIFO) hoặc socket",
            "a pipe (FIFO) or a socket",
        ),
    };
    say!(
        lang,
        "Không ghi vào {path}: đó là {what}, không phải một tệp thường; không có gì bị thay đổi. Hãy chọn tên tệp khác.",
        "Nothing was written to {path}: it is {what}, not a regular file; it was left as it is. Choose another file name."
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
