#!/usr/bin/env bash
# A unit's notice as LibreOffice prints it: the demo year with a few decisions on Sở Nội vụ,
# `export notices`, the .docx converted to PDF by LibreOffice Writer under a Vietnamese
# locale, its pages rendered as PNG to look at, and its text checked for the diacritics.
#
# Not run by `cargo test`: it needs LibreOffice and poppler, e.g.
#   apt-get install -y libreoffice-writer poppler-utils locales fonts-liberation
#   sed -i 's/^# *vi_VN.UTF-8 UTF-8/vi_VN.UTF-8 UTF-8/' /etc/locale.gen && locale-gen
#
# Usage: bench/libreoffice-notices.sh [OUT_DIR]   (default: a new temporary folder)
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
out="${1:-$(mktemp -d -t thamdinh-notices.XXXXXX)}"
mkdir -p "$out"
for tool in soffice pdftoppm pdftotext pdfinfo; do
    command -v "$tool" >/dev/null || { echo "needs $tool (see the top of $0)" >&2; exit 1; }
done

cargo build --quiet --manifest-path "$root/Cargo.toml"
bin="$root/target/debug/thamdinh"
db="$out/notices.sqlite"
rm -f "$db" "$db-wal" "$db-shm"
export THAMDINH_CONFIG_DIR="$out/config"
demo="$root/data/demo/2022"
"$bin" --db "$db" init --year 2022 >/dev/null
for kind in units self-scores survey history; do
    file="$demo/$(echo "$kind" | tr - _).csv"
    "$bin" --db "$db" import "$kind" "$file" >/dev/null
done
who=(--appraiser "Nguyễn Thị Lan")
"$bin" --db "$db" "${who[@]}" decide SNV 1.1.1 agree >/dev/null
"$bin" --db "$db" "${who[@]}" decide SNV 3.9 1 --comment "Tỷ lệ hồ sơ trực tuyến 60 %, thấp hơn báo cáo" >/dev/null
"$bin" --db "$db" "${who[@]}" decide SNV 7.10 flag --comment "Đề nghị giải trình số liệu trên hệ thống" >/dev/null
"$bin" --db "$db" "${who[@]}" decide SNV 1.3.2 na --comment "Đơn vị không có đơn vị trực thuộc" >/dev/null

"$bin" --db "$db" export notices --unit SNV --out "$out" \
    --council $'UBND tỉnh Sóc Trăng\nHội đồng thẩm định Chỉ số CCHC'
"$bin" --db "$db" export notices --out "$out/all" >/dev/null
echo "notices written for the whole year: $(ls "$out/all" | wc -l)"

# A private LibreOffice profile, so that another LibreOffice running on the machine is left
# alone.
profile="file://$out/lo-profile"
LANG=vi_VN.UTF-8 LC_ALL=vi_VN.UTF-8 timeout 300 soffice -env:UserInstallation="$profile" \
    --headless --convert-to pdf --outdir "$out" "$out/SNV.docx" >/dev/null 2>&1
pdf="$out/SNV.pdf"
[ -s "$pdf" ] || { echo "LibreOffice wrote no PDF" >&2; exit 1; }
pdfinfo "$pdf" | grep -E "^(Pages|Page size):"
pdftoppm -png -r 80 "$pdf" "$out/page"

# The text LibreOffice laid out, with its diacritics.
text="$out/SNV.txt"
pdftotext -layout "$pdf" "$text"
missing=0
for want in "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" "Độc lập - Tự do - Hạnh phúc" \
    "UBND TỈNH SÓC TRĂNG" "HỘI ĐỒNG THẨM ĐỊNH" "THÔNG BÁO" "Kính gửi: Sở Nội vụ." \
    "Đây là kết quả TẠM TÍNH" "II. CÁC TIÊU CHÍ HỘI ĐỒNG ĐIỀU CHỈNH" "Tỷ lệ hồ sơ trực tuyến" \
    "yêu cầu" "III. BẢNG CHẤM ĐIỂM CHI TIẾT" "Cộng điểm các lĩnh vực" "TM. HỘI ĐỒNG THẨM ĐỊNH"; do
    if ! grep -qF "$want" "$text"; then
        echo "not in the PDF's text: $want" >&2
        missing=1
    fi
done
[ "$missing" = 0 ] && echo "the PDF's text has every expected sentence, diacritics included"
echo "look at: $out/page-*.png (and $pdf)"
exit "$missing"
