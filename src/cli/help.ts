// The --help text: what each command does, its options, its limits and the exit statuses.
import { USAGE } from './args';
import { DEFAULT_MAX_MEMORY_MB, DEFAULT_TIMEOUT_S } from './context';
import { MAX_INPUT_BYTES } from './input-file';

export const HELP = `决算助手 juesuan — 部门决算公开表格检查与情况说明生成

${USAGE}

check       识别各表并检查表内、表间、绩效自评表、科目编码与完整性。
            给出文件夹时逐个检查其中的 .xlsx/.xlsm/.xls 文件（不含子文件夹），并行进行；
            每个文件的进度写到标准错误，最后在标准输出打印汇总表。
            --json        单个文件：输出一个 JSON 对象（见 SPEC §8）；
                          文件夹：每检查完一个文件输出一行 JSON（JSON Lines），汇总表改写到标准错误
            --narrative   同时核对已写好的情况说明文本（.txt 或 .docx）
            --report      另存一份审核汇总工作簿（.xlsx）：每个文件一行，另有全部问题明细
            --jobs        同时检查的文件数（默认为 CPU 核数，最多 8）
narrative   生成第三部分「情况说明」。--format docx 时默认写到「<文件名>-情况说明.docx」。
            表格存在“错误”级问题时拒绝生成，除非加 --force。
            --profile hunan|shanghai 选择格式（湖南十四部分 / 上海十一部分）；不给时按表格判断：
                          一般公共预算财政拨款支出决算表没有“年初预算数”列的按上海格式。
--force     允许替换已存在的输出文件（-o、--report）；narrative 中还表示有错误时仍生成。
            任何情况下都不会写到输入文件上；输出先写临时文件再替换，失败时原文件不变。
--timeout   每个文件的检查时限，秒（默认 ${DEFAULT_TIMEOUT_S}）
--max-memory 每个检查进程的内存上限，MB（默认 ${DEFAULT_MAX_MEMORY_MB}）
            超时、超出内存或检查进程崩溃的文件记为“无法读取”，其余文件照常检查。
只读取普通文件（不读取文件夹、设备、管道），单个文件不超过 ${MAX_INPUT_BYTES / 1024 / 1024} MB。
未给出文件时使用内置示例工作簿（怀化市就业服务中心 2023）。

退出码: 0 无错误；1 存在错误级问题（或 narrative 拒绝生成）；
        2 文件无法读取（文件夹中任一文件）、输出文件无法写入或命令行有误。`;
