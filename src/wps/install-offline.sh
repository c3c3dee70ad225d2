#!/bin/sh
# 决算助手 WPS 加载项：离线安装（统信 UOS、银河麒麟等 Linux 上的 WPS Office）。
# 把本加载项（本脚本上一级目录，即构建出的 dist/）复制到当前用户的 WPS 加载项目录
#   ~/.local/share/Kingsoft/wps/jsaddons/juesuan_@VERSION@/
# 并在该目录的 publish.xml 中登记（原有文件先备份为 publish.xml.bak，其他加载项保持不变）。
# 然后重新启动 WPS 表格。可用环境变量 JSADDONS 指定其他加载项目录。
set -eu
NAME=juesuan
VERSION='@VERSION@'
SRC=$(cd "$(dirname "$0")/.." && pwd)
DIR=${JSADDONS:-"$HOME/.local/share/Kingsoft/wps/jsaddons"}
DEST="$DIR/${NAME}_${VERSION}"
ENTRY="<jsplugin name=\"$NAME\" type=\"et\" url=\"${NAME}_${VERSION}\" version=\"$VERSION\" enable=\"enable_dev\" install=\"null\" customDomain=\"\"/>"

if [ ! -f "$SRC/ribbon.xml" ] || [ ! -f "$SRC/index.html" ]; then
  echo "找不到加载项文件（$SRC/ribbon.xml、index.html）。请在构建出的 dist/wps/ 目录中运行本脚本。" >&2
  exit 1
fi
mkdir -p "$DEST"
cp -R "$SRC"/. "$DEST"/

PUB="$DIR/publish.xml"
if [ -f "$PUB" ] && grep -q '</jsplugins>' "$PUB"; then
  cp "$PUB" "$PUB.bak"
  # Drop an earlier 决算助手 entry (online or offline), then add this one before </jsplugins>.
  awk -v entry="$ENTRY" '
    {
      line = $0
      n = gsub(/[ \t]*<jsplugin(online)?[^>]*name="juesuan"[^>]*\/>/, "", line)
      if (n > 0 && line ~ /^[ \t]*$/) next
      i = index(line, "</jsplugins>")
      if (!done && i > 0) {
        head = substr(line, 1, i - 1)
        line = (head ~ /^[ \t]*$/ ? "" : head "\n") "  " entry "\n" substr(line, i)
        done = 1
      }
      print line
    }
  ' "$PUB.bak" > "$PUB"
else
  printf '<?xml version="1.0" encoding="UTF-8"?>\n<jsplugins>\n  %s\n</jsplugins>\n' "$ENTRY" > "$PUB"
fi
echo "已安装到 $DEST"
echo "已登记到 $PUB"
echo "请重新启动 WPS 表格，功能区会出现“决算助手”选项卡。"
