<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>DeployPage</name>
    <message>
        <source>No deployment has run in this session.</source>
        <translation>本次会话中尚未运行部署。</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the run; hosts already done stay as they are</source>
        <translation>停止运行；已完成的主机保持现状</translation>
    </message>
    <message>
        <source>Retry &amp;failed hosts</source>
        <translation>重试失败的主机(&amp;F)</translation>
    </message>
    <message>
        <source>Run the plan again for the hosts that failed, only them</source>
        <translation>仅对失败的主机重新执行计划</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>日志</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>S&amp;how:</source>
        <translation>显示(&amp;H)：</translation>
    </message>
    <message>
        <source>Search (Ctrl+F)</source>
        <translation>搜索 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>上一个</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一个</translation>
    </message>
    <message>
        <source>F&amp;ollow</source>
        <translation>自动滚动(&amp;O)</translation>
    </message>
    <message>
        <source>Keep the newest line in view; scrolling up stops following</source>
        <translation>始终显示最新一行；向上滚动即停止自动滚动</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>复制</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>保存…</translation>
    </message>
    <message>
        <source>Console</source>
        <translation>控制台</translation>
    </message>
    <message>
        <source>Raw output of &amp;host:</source>
        <translation>主机原始输出(&amp;H)：</translation>
    </message>
    <message>
        <source>Containers</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>&amp;Refresh status</source>
        <translation>刷新状态(&amp;R)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证部署</translation>
    </message>
    <message>
        <source>&amp;Guest party:</source>
        <translation>Guest 方(&amp;G)：</translation>
    </message>
    <message>
        <source>H&amp;ost party:</source>
        <translation>Host 方(&amp;O)：</translation>
    </message>
    <message>
        <source>Run &amp;toy example</source>
        <translation>运行 toy example(&amp;T)</translation>
    </message>
    <message>
        <source>Not verified yet.</source>
        <translation>尚未验证。</translation>
    </message>
</context>
<context>
    <name>FateDeployer</name>
    <message>
        <source>cannot create the template cache %1</source>
        <translation>无法创建模板缓存 %1</translation>
    </message>
    <message>
        <source>cannot move the unpacked templates into %1</source>
        <translation>无法将解包后的模板移入 %1</translation>
    </message>
    <message>
        <source>template file %1 has no &quot;%2&quot; to set; the KubeFATE 1.1.0 templates look damaged or edited, restore that file from the release</source>
        <translation>模板文件 %1 中没有可设置的“%2”；KubeFATE 1.1.0 模板似乎已损坏或被修改，请从发布包中恢复该文件</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot read template file %1: %2</source>
        <translation>无法读取模板文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot open archive %1: %2</source>
        <translation>无法打开归档文件 %1：%2</translation>
    </message>
    <message>
        <source>archive %1 is damaged or truncated: %2</source>
        <translation>归档文件 %1 已损坏或不完整：%2</translation>
    </message>
    <message>
        <source>archive %1 is unsafe: entry &quot;%2&quot; points outside the folder it unpacks to (absolute path or &quot;..&quot;); use an official KubeFATE release archive</source>
        <translation>归档文件 %1 不安全：条目“%2”指向解包目标文件夹之外（绝对路径或“..”）；请使用 KubeFATE 官方发布的归档文件</translation>
    </message>
    <message>
        <source>archive %1 is unsafe: hard link &quot;%2&quot; points outside the archive (&quot;%3&quot;)</source>
        <translation>归档文件 %1 不安全：硬链接“%2”指向归档之外（“%3”）</translation>
    </message>
    <message>
        <source>cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>archive %1 is unsafe: symbolic link &quot;%2&quot; points outside the archive (&quot;%3&quot;)</source>
        <translation>归档文件 %1 不安全：符号链接“%2”指向归档之外（“%3”）</translation>
    </message>
    <message>
        <source>cannot create link %1</source>
        <translation>无法创建链接 %1</translation>
    </message>
    <message>
        <source>archive %1 is unsafe: entry &quot;%2&quot; is a device, FIFO or socket, which a template archive never contains</source>
        <translation>归档文件 %1 不安全：条目“%2”是设备、FIFO 或套接字，模板归档中不应包含此类文件</translation>
    </message>
    <message>
        <source>archive %1 is unsafe: entry &quot;%2&quot; is written through a link</source>
        <translation>归档文件 %1 不安全：条目“%2”会经由链接写入</translation>
    </message>
    <message>
        <source>archive %1 is damaged or truncated at &quot;%2&quot;: %3</source>
        <translation>归档文件 %1 在“%2”处已损坏或不完整：%3</translation>
    </message>
    <message>
        <source>archive %1 contains no files</source>
        <translation>归档文件 %1 不包含任何文件</translation>
    </message>
    <message>
        <source>packing cancelled</source>
        <translation>打包已取消</translation>
    </message>
    <message>
        <source>template file %1 changed since the bundles were rendered; render again</source>
        <translation>渲染部署包后模板文件 %1 已被修改；请重新渲染</translation>
    </message>
    <message>
        <source>template file %1 changed while it was packed; render again</source>
        <translation>打包期间模板文件 %1 被修改；请重新渲染</translation>
    </message>
    <message>
        <source>The remote file name &quot;%1&quot; is not a file path.</source>
        <translation>远程文件名“%1”不是文件路径。</translation>
    </message>
    <message>
        <source>The file mode &quot;%1&quot; is not an octal mode like 0644.</source>
        <translation>文件权限“%1”不是 0644 这样的八进制权限。</translation>
    </message>
    <message>
        <source>Writing %1 on %2 failed: %3</source>
        <translation>在 %2 上写入 %1 失败：%3</translation>
    </message>
    <message>
        <source>The copy of %1 on %2 does not match (size %3 vs %4, sha256 %5 vs %6); it was removed. Check free disk space on the host and try again.</source>
        <translation>%2 上 %1 的副本与原文件不一致（大小 %3 与 %4，sha256 %5 与 %6），已将其删除。请检查该主机的磁盘剩余空间后重试。</translation>
    </message>
    <message>
        <source>Could not move the uploaded file into place as %1 on %2: %3</source>
        <translation>无法将上传的文件移动到 %2 上的 %1：%3</translation>
    </message>
    <message>
        <source>history database: %1: %2</source>
        <translation>历史数据库：%1：%2</translation>
    </message>
    <message>
        <source>Render the deployment bundles of a project (confs-&lt;id&gt;/ and exchange/).</source>
        <translation>渲染项目的部署包（confs-&lt;id&gt;/ 和 exchange/）。</translation>
    </message>
    <message>
        <source>the .fdproj file</source>
        <translation>.fdproj 项目文件</translation>
    </message>
    <message>
        <source>write the bundles into DIR</source>
        <translation>将部署包写入 DIR</translation>
    </message>
    <message>
        <source>KubeFATE templates: a folder, a .tar.gz/.zip release or a URL (default: the project&apos;s template source)</source>
        <translation>KubeFATE 模板：文件夹、.tar.gz/.zip 发布包或 URL（默认：项目设置的模板来源）</translation>
    </message>
    <message>
        <source>also write DIR/&lt;bundle&gt;.tar.gz</source>
        <translation>同时写出 DIR/&lt;bundle&gt;.tar.gz</translation>
    </message>
    <message>
        <source>%1: %2 files → %3:%4</source>
        <translation>%1：%2 个文件 → %3:%4</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>only this party (repeatable)</source>
        <translation>仅处理此参与方（可重复指定）</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>ID</translation>
    </message>
    <message>
        <source>include the exchange host</source>
        <translation>包括 Exchange 主机</translation>
    </message>
    <message>
        <source>hosts in parallel (default 8)</source>
        <translation>并行处理的主机数（默认 8）</translation>
    </message>
    <message>
        <source>N</source>
        <translation>N</translation>
    </message>
    <message>
        <source>print the report as JSON</source>
        <translation>以 JSON 格式输出报告</translation>
    </message>
    <message>
        <source>remember unknown host keys (changed keys are always refused)</source>
        <translation>记住未知的主机密钥（已变更的密钥始终拒绝）</translation>
    </message>
    <message>
        <source>do not ask for confirmation</source>
        <translation>不要求确认</translation>
    </message>
    <message>
        <source>known_hosts file (default ~/.ssh/known_hosts)</source>
        <translation>known_hosts 文件（默认 ~/.ssh/known_hosts）</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>FILE</translation>
    </message>
    <message>
        <source>ssh config file, or &quot;none&quot;</source>
        <translation>ssh 配置文件，或“none”</translation>
    </message>
    <message>
        <source>print every output line of the hosts</source>
        <translation>输出主机的每一行输出</translation>
    </message>
    <message>
        <source>do not store the run in the history</source>
        <translation>不将本次运行保存到历史记录</translation>
    </message>
    <message>
        <source>do not use the OS keychain</source>
        <translation>不使用系统钥匙串</translation>
    </message>
    <message>
        <source>teardown level: stop, down, or remove (down and delete the folders)</source>
        <translation>删除部署的程度：stop、down 或 remove（down 并删除目录）</translation>
    </message>
    <message>
        <source>LEVEL</source>
        <translation>LEVEL</translation>
    </message>
    <message>
        <source>seconds (verify: toy example; deploy: start)</source>
        <translation>秒数（verify：toy example；deploy：启动）</translation>
    </message>
    <message>
        <source>S</source>
        <translation>S</translation>
    </message>
    <message>
        <source>pull every image before starting</source>
        <translation>启动前拉取所有镜像</translation>
    </message>
    <message>
        <source>docker save archive to load where images are missing (repeatable)</source>
        <translation>在缺少镜像的主机上加载的 docker save 归档文件（可重复指定）</translation>
    </message>
    <message>
        <source>%1 needs exactly one PROJECT file</source>
        <translation>%1 需要且仅需要一个 PROJECT 项目文件</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>--party %1: no such party in %2</source>
        <translation>--party %1：%2 中没有此参与方</translation>
    </message>
    <message>
        <source>--jobs must be a number from 1 to 64</source>
        <translation>--jobs 必须是 1 到 64 之间的数字</translation>
    </message>
    <message>
        <source>--timeout must be a positive number of seconds</source>
        <translation>--timeout 必须是正数（秒）</translation>
    </message>
    <message>
        <source>--level must be stop, down or remove</source>
        <translation>--level 必须是 stop、down 或 remove</translation>
    </message>
    <message>
        <source>--load-images %1: no such file</source>
        <translation>--load-images %1：文件不存在</translation>
    </message>
    <message>
        <source>nothing selected: the project has no such hosts</source>
        <translation>未选中任何主机：项目中没有这样的主机</translation>
    </message>
    <message>
        <source>teardown (%1) of %2 needs confirmation: add --yes</source>
        <translation>删除 %2 上的部署（%1）需要确认：请加上 --yes</translation>
    </message>
    <message>
        <source>Tear down (%1) %2? [y/N] </source>
        <translation>是否删除 %2 上的部署（%1）？[y/N] </translation>
    </message>
    <message>
        <source>nothing done</source>
        <translation>未执行任何操作</translation>
    </message>
    <message>
        <source>waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>cancelling...</source>
        <translation>正在取消...</translation>
    </message>
    <message>
        <source>%1 of %2 on %3 host(s), %4 in parallel</source>
        <translation>%1：项目“%2”，%3 台主机，并行 %4 台</translation>
    </message>
    <message>
        <source>Failed: %1. Fix the problems above and run again (only these hosts: %2).</source>
        <translation>失败：%1。请修复上述问题后重新运行（仅这些主机：%2）。</translation>
    </message>
    <message>
        <source>Stored as run %1 (fate-deployer-cli history --show %1).</source>
        <translation>已保存为运行记录 %1（fate-deployer-cli history --show %1）。</translation>
    </message>
    <message>
        <source>List past runs, or export one as a report.</source>
        <translation>列出历史运行记录，或将其中一次导出为报告。</translation>
    </message>
    <message>
        <source>only the runs of this .fdproj file (optional)</source>
        <translation>仅列出此 .fdproj 项目文件的运行记录（可选）</translation>
    </message>
    <message>
        <source>export run ID as a report (with --json: as JSON)</source>
        <translation>将运行记录 ID 导出为报告（加 --json：导出为 JSON）</translation>
    </message>
    <message>
        <source>with --show: append the full logs</source>
        <translation>与 --show 一起使用：附上完整日志</translation>
    </message>
    <message>
        <source>how many runs to list (default 20)</source>
        <translation>列出的运行记录条数（默认 20）</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>--show needs a run number</source>
        <translation>--show 需要一个运行记录编号</translation>
    </message>
    <message>
        <source>no runs stored in %1</source>
        <translation>%1 中没有保存任何运行记录</translation>
    </message>
    <message>
        <source>failed: %1</source>
        <translation>失败：%1</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n bundle(s)...</source>
        <translation>
            <numerusform>正在准备 %n 个部署包...</numerusform>
        </translation>
    </message>
    <message>
        <source>KubeFATE templates are not in the cache; downloading %1</source>
        <translation>KubeFATE 模板不在缓存中，正在下载 %1</translation>
    </message>
    <message>
        <source>  %1 of %2</source>
        <translation>  %1 / %2</translation>
    </message>
    <message>
        <source>  %1</source>
        <translation>  %1</translation>
    </message>
    <message>
        <source>templates of %1 downloaded; sha256 %2 recorded (put it in the project&apos;s templates.sha256 to pin it)</source>
        <translation>%1 的模板已下载；已记录 sha256 %2（可写入项目的 templates.sha256 以固定该版本）</translation>
    </message>
    <message>
        <source>a remote command that prints nothing and moves no data for S seconds fails (default 900)</source>
        <translation>远程命令在 S 秒内既无输出也无数据传输时判为失败（默认 900）</translation>
    </message>
    <message>
        <source>overall limit for each remote command in seconds (default none)</source>
        <translation>每条远程命令的总时限，单位秒（默认不限）</translation>
    </message>
    <message>
        <source>--%1 must be a positive number of seconds</source>
        <translation>--%1 必须是正的秒数</translation>
    </message>
    <message>
        <source>archive %1 is refused: it unpacks to more than %2 MiB (the limit) at entry &quot;%3&quot;; a KubeFATE template archive is a few MB</source>
        <translation>归档文件 %1 被拒绝：在条目“%3”处解包后超过 %2 MiB（上限）；KubeFATE 模板归档只有几 MB</translation>
    </message>
    <message>
        <source>archive %1 is refused: it has more than %2 entries (the limit); a KubeFATE template archive has about a thousand</source>
        <translation>归档文件 %1 被拒绝：条目数超过 %2（上限）；KubeFATE 模板归档约有一千个条目</translation>
    </message>
    <message>
        <source>archive %1 is refused: entry &quot;%2…&quot; has a path of %3 characters (at most %4 are accepted)</source>
        <translation>归档文件 %1 被拒绝：条目“%2…”的路径长 %3 个字符（最多允许 %4 个）</translation>
    </message>
    <message>
        <source>archive %1 is refused: entry &quot;%2&quot; is %3 folders deep (at most %4 are accepted)</source>
        <translation>归档文件 %1 被拒绝：条目“%2”有 %3 层文件夹（最多允许 %4 层）</translation>
    </message>
    <message>
        <source>take over a stale host lock (left by a run that is gone, or older than 2 hours); only when nobody else is running on these hosts</source>
        <translation>接管过期的主机锁（其运行已不存在，或已超过 2 小时）；仅在没有其他人在这些主机上运行时使用</translation>
    </message>
    <message>
        <source>cancelled before any host was contacted</source>
        <translation>在连接任何主机之前已取消</translation>
    </message>
    <message>
        <source>take the services&apos; passwords (v1.11 and later) from this KubeFATE parties.conf instead of the keychain; they are used for this render only and stored nowhere</source>
        <translation>从该 KubeFATE parties.conf 读取各服务的密码（v1.11 及以后），而不是从系统钥匙串读取；仅用于本次渲染，不会保存到任何地方</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli render PROJECT --out DIR [--templates PATH|URL] [--archives] [--secrets-from PARTIES_CONF]</source>
        <translation>用法：fate-deployer-cli render PROJECT --out DIR [--templates PATH|URL] [--archives] [--secrets-from PARTIES_CONF]</translation>
    </message>
    <message>
        <source>warning: %1 is not set (keychain or --secrets-from); the bundles have it empty</source>
        <translation>警告：%1 未设置（系统钥匙串或 --secrets-from）；部署包中该值为空</translation>
    </message>
    <message>
        <source>%1: %2 → %3</source>
        <translation>%1：%2 → %3</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>revision %1 → %2</source>
        <translation>修订版 %1 → %2</translation>
    </message>
    <message>
        <source>KubeFATE version</source>
        <translation>KubeFATE 版本</translation>
    </message>
    <message>
        <source>image prefix</source>
        <translation>镜像前缀</translation>
    </message>
    <message>
        <source>image tag</source>
        <translation>镜像标签</translation>
    </message>
    <message>
        <source>base image tag</source>
        <translation>基础镜像标签</translation>
    </message>
    <message>
        <source>builder image tag</source>
        <translation>构建镜像标签</translation>
    </message>
    <message>
        <source>serving image tag</source>
        <translation>Serving 镜像标签</translation>
    </message>
    <message>
        <source>computing engine</source>
        <translation>计算引擎</translation>
    </message>
    <message>
        <source>federation engine</source>
        <translation>联邦通信引擎</translation>
    </message>
    <message>
        <source>storage engine</source>
        <translation>存储引擎</translation>
    </message>
    <message>
        <source>exchange enabled</source>
        <translation>已启用 Exchange 交换组件</translation>
    </message>
    <message>
        <source>exchange disabled</source>
        <translation>已停用 Exchange 交换组件</translation>
    </message>
    <message>
        <source>exchange address</source>
        <translation>Exchange 地址</translation>
    </message>
    <message>
        <source>exchange listening port</source>
        <translation>Exchange 监听端口</translation>
    </message>
    <message>
        <source>exchange: now deployed by another team</source>
        <translation>Exchange：现由其他团队部署</translation>
    </message>
    <message>
        <source>exchange: now deployed by this project</source>
        <translation>Exchange：现由本项目部署</translation>
    </message>
    <message>
        <source>party %1 added at %2 (another team&apos;s)</source>
        <translation>新增参与方 %1，地址 %2（其他团队的）</translation>
    </message>
    <message>
        <source>party %1 added at %2 (yours)</source>
        <translation>新增参与方 %1，地址 %2（您的）</translation>
    </message>
    <message>
        <source>party %1 address</source>
        <translation>参与方 %1 的地址</translation>
    </message>
    <message>
        <source>party %1: now deployed by another team</source>
        <translation>参与方 %1：现由其他团队部署</translation>
    </message>
    <message>
        <source>party %1: now deployed by this project</source>
        <translation>参与方 %1：现由本项目部署</translation>
    </message>
    <message>
        <source>party %1 contact</source>
        <translation>参与方 %1 的联系人</translation>
    </message>
    <message>
        <source>party %1 note</source>
        <translation>参与方 %1 的备注</translation>
    </message>
    <message>
        <source>party %1 removed (was at %2)</source>
        <translation>已移除参与方 %1（原地址 %2）</translation>
    </message>
    <message>
        <source>verification guest</source>
        <translation>验证的 guest 参与方</translation>
    </message>
    <message>
        <source>verification host</source>
        <translation>验证的 host 参与方</translation>
    </message>
    <message>
        <source>Write the party card of one party: its reachable address and port and its versions, for the federation&apos;s coordinator. No secret and no SSH setting goes into it.</source>
        <translation>写出一个参与方的参与方名片：其对外可达的地址和端口以及版本，供联邦协调方使用。名片中不含任何密码或 SSH 设置。</translation>
    </message>
    <message>
        <source>the party id</source>
        <translation>参与方 ID</translation>
    </message>
    <message>
        <source>the card file to write</source>
        <translation>要写入的名片文件</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli card export PROJECT --party ID -o FILE</source>
        <translation>用法：fate-deployer-cli card export PROJECT --party ID -o FILE</translation>
    </message>
    <message>
        <source>%1: party %2, reached at %3:%4, KubeFATE %5</source>
        <translation>%1：参与方 %2，可达地址 %3:%4，KubeFATE %5</translation>
    </message>
    <message>
        <source>Add the party of a party card to a project (as another team&apos;s party) or update its address, port, contact and note, and show what changed.</source>
        <translation>将参与方名片中的参与方加入项目（作为其他团队的参与方），或更新其地址、端口、联系人和备注，并显示变更内容。</translation>
    </message>
    <message>
        <source>the party card</source>
        <translation>参与方名片</translation>
    </message>
    <message>
        <source>show what would change; write nothing</source>
        <translation>只显示将发生的变更，不写入任何文件</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli card import PROJECT FILE [--dry-run]</source>
        <translation>用法：fate-deployer-cli card import PROJECT FILE [--dry-run]</translation>
    </message>
    <message>
        <source>%1: party %2 is already as the card says; nothing changed</source>
        <translation>%1：参与方 %2 已与名片一致，未做任何更改</translation>
    </message>
    <message>
        <source>%1: party %2 imported from its card</source>
        <translation>%1：已从名片导入参与方 %2</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli card export|import ...</source>
        <translation>用法：fate-deployer-cli card export|import ...</translation>
    </message>
    <message>
        <source>--mine: &quot;%1&quot; is neither a party id nor &quot;exchange&quot;</source>
        <translation>--mine：“%1”既不是参与方 ID，也不是“exchange”</translation>
    </message>
    <message>
        <source>%1 does not exist; to start a project from a federation file, say which hosts are yours with --mine (e.g. --mine 9999)</source>
        <translation>%1 不存在；要从联邦文件新建项目，请用 --mine 指明哪些主机归您部署（例如 --mine 9999）</translation>
    </message>
    <message>
        <source>%1: federation &quot;%2&quot;, revision %3, %4 party(s), KubeFATE %5</source>
        <translation>%1：联邦“%2”，修订版 %3，%4 个参与方，KubeFATE %5</translation>
    </message>
    <message>
        <source>fingerprint: %1</source>
        <translation>指纹：%1</translation>
    </message>
    <message>
        <source>Write the federation file for every team: versions, images, the exchange and every party&apos;s reachable address, with a revision and a checksum. The project remembers the revision.</source>
        <translation>为所有团队写出联邦文件：版本、镜像、Exchange 交换组件以及每个参与方的可达地址，附带修订版号和校验和。项目会记住该修订版。</translation>
    </message>
    <message>
        <source>the coordinator&apos;s .fdproj file</source>
        <translation>协调方的 .fdproj 项目文件</translation>
    </message>
    <message>
        <source>the federation file to write</source>
        <translation>要写入的联邦文件</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli federation export PROJECT -o FILE</source>
        <translation>用法：fate-deployer-cli federation export PROJECT -o FILE</translation>
    </message>
    <message>
        <source>unchanged since revision %1</source>
        <translation>自修订版 %1 以来无变化</translation>
    </message>
    <message>
        <source>Fill a team&apos;s project from the coordinator&apos;s federation file, after showing what changes. The team&apos;s own SSH settings and secrets are kept; hosts not yours are only routed to.</source>
        <translation>用协调方的联邦文件填充本团队的项目，并先显示变更内容。本团队自己的 SSH 设置和密码保持不变；不归您部署的主机只会出现在路由表中。</translation>
    </message>
    <message>
        <source>Show what importing a federation file would change in a project.</source>
        <translation>显示导入联邦文件会对项目做出哪些变更。</translation>
    </message>
    <message>
        <source>the team&apos;s .fdproj file</source>
        <translation>本团队的 .fdproj 项目文件</translation>
    </message>
    <message>
        <source>the federation file</source>
        <translation>联邦文件</translation>
    </message>
    <message>
        <source>the hosts this team deploys, e.g. 9999 or 10000,exchange (default: as the project has them)</source>
        <translation>本团队部署的主机，例如 9999 或 10000,exchange（默认：沿用项目中的设置）</translation>
    </message>
    <message>
        <source>accept the changes without asking</source>
        <translation>不询问，直接接受变更</translation>
    </message>
    <message>
        <source>refuse the file unless its fingerprint starts with this one (spaces ignored), as read out by the coordinator</source>
        <translation>除非文件指纹以此开头（忽略空格，即协调方念出的指纹），否则拒绝该文件</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli federation import PROJECT FILE [--mine LIST] [--yes] [--expect-fingerprint FINGERPRINT]</source>
        <translation>用法：fate-deployer-cli federation import PROJECT FILE [--mine LIST] [--yes] [--expect-fingerprint FINGERPRINT]</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli federation diff PROJECT FILE [--mine LIST]</source>
        <translation>用法：fate-deployer-cli federation diff PROJECT FILE [--mine LIST]</translation>
    </message>
    <message>
        <source>the fingerprint is %1, not %2; this is not the file the coordinator read out (at least 8 digits are compared); nothing was changed</source>
        <translation>指纹是 %1，而不是 %2；这不是协调方念出指纹的那个文件（至少比较 8 位）；未做任何更改</translation>
    </message>
    <message>
        <source>%1: no changes</source>
        <translation>%1：无变更</translation>
    </message>
    <message>
        <source>changes to %1:</source>
        <translation>%1 的变更：</translation>
    </message>
    <message>
        <source>nothing was changed; compare the fingerprint with the coordinator, then run again with --yes to accept</source>
        <translation>未做任何更改；请与协调方核对指纹，然后加上 --yes 再次运行以接受变更</translation>
    </message>
    <message>
        <source>Accept these changes? [y/N] </source>
        <translation>接受这些变更吗？[y/N] </translation>
    </message>
    <message>
        <source>nothing was changed</source>
        <translation>未做任何更改</translation>
    </message>
    <message>
        <source>%1: revision %2 accepted</source>
        <translation>%1：已接受修订版 %2</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli federation export|import|diff ...</source>
        <translation>用法：fate-deployer-cli federation export|import|diff ...</translation>
    </message>
    <message>
        <source>%1 is not a deployed-state file of this version</source>
        <translation>%1 不是本版本的部署状态文件</translation>
    </message>
    <message>
        <source>%1 names no bundle</source>
        <translation>%1 未指明部署包</translation>
    </message>
    <message>
        <source>Apply the change plan: deploy only the changed and new hosts, tear down the hosts of parties that left</source>
        <translation>应用变更计划：只部署有变更的主机和新主机，删除已退出参与方（Party）主机上的部署</translation>
    </message>
    <message>
        <source>apply selects the hosts from the change plan; --party and --exchange are for deploy</source>
        <translation>apply 根据变更计划选择主机；--party 和 --exchange 用于 deploy</translation>
    </message>
    <message>
        <source>apply records what it deployed for the next plan; it cannot run with --no-history</source>
        <translation>apply 会记录本次部署的内容供下次变更计划使用；不能与 --no-history 一起运行</translation>
    </message>
    <message>
        <source>Compare the project with what was last deployed to each host: unchanged, changed files, new, to be removed</source>
        <translation>将项目与每台主机上次部署的内容比较：未变更、有文件变更、新增、待删除</translation>
    </message>
    <message>
        <source>print the plan as JSON (with the diffs)</source>
        <translation>以 JSON 格式输出变更计划（含差异）</translation>
    </message>
    <message>
        <source>print the unified diff of every changed file</source>
        <translation>输出每个变更文件的统一格式差异（unified diff）</translation>
    </message>
    <message>
        <source>Nothing to apply: every host runs what the project describes.</source>
        <translation>无需应用：每台主机运行的都是项目所描述的内容。</translation>
    </message>
    <message>
        <source>removing %1 (teardown, folders deleted) needs confirmation: add --yes</source>
        <translation>删除 %1（删除部署并删除目录）需要确认：请加上 --yes</translation>
    </message>
    <message>
        <source>Tear down and remove %1? [y/N] </source>
        <translation>是否删除 %1 上的部署并删除其目录？[y/N] </translation>
    </message>
    <message>
        <source>take the services&apos; passwords (v1.11 and later) from this KubeFATE parties.conf instead of the keychain; they go to the hosts only and are stored nowhere</source>
        <translation>从此 KubeFATE parties.conf 读取各服务的密码（v1.11 及以后），而不是从系统钥匙串读取；密码只发送到主机，不在任何地方保存</translation>
    </message>
    <message>
        <source>rollback of %1 needs confirmation: add --yes</source>
        <translation>回滚 %1 需要确认：请加上 --yes</translation>
    </message>
    <message>
        <source>Roll back %1 to the previous bundle and restart it? [y/N] </source>
        <translation>是否将 %1 回滚到上一个部署包并重新启动？[y/N] </translation>
    </message>
    <message>
        <source>No path was checked.</source>
        <translation>未检查任何连通路径。</translation>
    </message>
    <message>
        <source>Connectivity matrix (row = from, column = to; address:port as the target is reached):</source>
        <translation>连通性矩阵（行 = 源，列 = 目标；地址:端口为目标的可达地址）：</translation>
    </message>
    <message>
        <source>pass</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>fail</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
    <message>
        <source>the toy grid: every ordered pair of parties (guest → host), each on its guest&apos;s host, in parallel where FATE allows</source>
        <translation>toy 网格：参与方（Party）的每个有序对（guest → host），各在其 guest 的主机上运行，FATE 允许时并行</translation>
    </message>
    <message>
        <source>a cell of the toy grid: guest G, host H (repeatable)</source>
        <translation>toy 网格中的一格：guest 为 G，host 为 H（可重复）</translation>
    </message>
    <message>
        <source>G:H</source>
        <translation>G:H</translation>
    </message>
    <message>
        <source>--all-pairs and --pair choose the pairs themselves; leave out --party and --exchange</source>
        <translation>--all-pairs 和 --pair 自行选择参与方对；请去掉 --party 和 --exchange</translation>
    </message>
    <message>
        <source>--pair %1: give two party ids of %2 as GUEST:HOST</source>
        <translation>--pair %1：请以 GUEST:HOST 的形式给出 %2 中的两个参与方 ID</translation>
    </message>
    <message>
        <source>--pair %1: party %2 is another team&apos;s; the toy example runs on the guest&apos;s host, which this project does not reach</source>
        <translation>--pair %1：参与方 %2 属于其他团队；toy example 在 guest 的主机上运行，而本项目无法连接该主机</translation>
    </message>
    <message>
        <source>the toy grid needs two parties, one of them deployed by this project</source>
        <translation>toy 网格需要两个参与方，且其中之一由本项目部署</translation>
    </message>
    <message>
        <source>%1 left the project (or moved) but how it was reached is not recorded; tear it down with teardown from a project that still lists it</source>
        <translation>%1 已不在项目中（或已迁移），但未记录当时的连接方式；请在仍包含它的项目中用 teardown 删除部署</translation>
    </message>
    <message>
        <source>No pair was verified.</source>
        <translation>没有验证任何参与方对。</translation>
    </message>
    <message>
        <source>guest \ host</source>
        <translation>guest \ host</translation>
    </message>
    <message>
        <source>Toy grid (row = guest, column = host; the toy example runs on the guest&apos;s host):</source>
        <translation>toy 网格（行 = guest，列 = host；toy example 在 guest 的主机上运行）：</translation>
    </message>
    <message>
        <source>cannot replace %1</source>
        <translation>无法替换 %1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Application</name>
    <message>
        <source>Deploy FATE federations with Docker Compose over SSH.</source>
        <translation>通过 SSH 使用 Docker Compose 部署 FATE 联邦。</translation>
    </message>
    <message>
        <source>open the window, paint once and exit (installation check)</source>
        <translation>打开窗口，绘制一次后退出（用于检查安装）</translation>
    </message>
    <message>
        <source>user interface language (en or zh_CN)</source>
        <translation>界面语言（en 或 zh_CN）</translation>
    </message>
    <message>
        <source>project file to open</source>
        <translation>要打开的项目文件</translation>
    </message>
    <message>
        <source>save a PNG of every page into DIR and exit (documentation, CI)</source>
        <translation>将每个页面的 PNG 截图保存到 DIR 后退出（用于文档、CI）</translation>
    </message>
</context>
<context>
    <name>FateDeployer::BashConfig</name>
    <message>
        <source>unexpected &quot;;&quot; (an empty command); remove it</source>
        <translation>此处不应出现“;”（空命令）；请删除</translation>
    </message>
    <message>
        <source>unquoted &quot;|&quot;: pipes and || are not allowed in a configuration file</source>
        <translation>未加引号的“|”：配置文件中不允许使用管道和 ||</translation>
    </message>
    <message>
        <source>unquoted &quot;&amp;&quot;: background jobs and &amp;&amp; are not allowed in a configuration file</source>
        <translation>未加引号的“&amp;”：配置文件中不允许使用后台任务和 &amp;&amp;</translation>
    </message>
    <message>
        <source>unquoted &quot;%1&quot;: redirections are not allowed in a configuration file</source>
        <translation>未加引号的“%1”：配置文件中不允许使用重定向</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;: parentheses are only allowed around an array value, as in NAME=(a b)</source>
        <translation>此处不应出现“%1”：括号只能用于数组值，例如 NAME=(a b)</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;: command groups and functions are not allowed in a configuration file</source>
        <translation>此处不应出现“%1”：配置文件中不允许使用命令组和函数</translation>
    </message>
    <message>
        <source>command substitution with backticks is not allowed: the file is read, never run</source>
        <translation>不允许使用反引号命令替换：该文件只会被读取，不会被执行</translation>
    </message>
    <message>
        <source>a line must start with NAME=; &quot;$&quot; would run the result of an expansion as a command</source>
        <translation>每行必须以 NAME= 开头；“$”会把展开结果当作命令执行</translation>
    </message>
    <message>
        <source>line continuation (&quot;\&quot; at the end of a line) is not supported; put the assignment on one line</source>
        <translation>不支持续行（行尾的“\”）；请将赋值写在同一行</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot;: only NAME=value and NAME=(a b c) assignments are allowed</source>
        <translation>此处不应出现“%1”：只允许 NAME=value 和 NAME=(a b c) 形式的赋值</translation>
    </message>
    <message>
        <source>&quot;.&quot; would source another file; only assignments are allowed</source>
        <translation>“.”会加载另一个文件；只允许赋值语句</translation>
    </message>
    <message>
        <source>&quot;%1+=&quot; appends at run time and is not supported; assign the whole value with %1=</source>
        <translation>不支持“%1+=”（运行时追加）；请用 %1= 赋完整的值</translation>
    </message>
    <message>
        <source>assigning one array element (%1[...]=) is not supported; assign the whole array with %1=(a b c)</source>
        <translation>不支持给单个数组元素赋值（%1[...]=）；请用 %1=(a b c) 给整个数组赋值</translation>
    </message>
    <message>
        <source>function &quot;%1&quot; is not allowed: the file is read, never run</source>
        <translation>不允许使用函数“%1”：该文件只会被读取，不会被执行</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not supported; write plain NAME=value assignments</source>
        <translation>不支持“%1”；请写成简单的 NAME=value 赋值</translation>
    </message>
    <message>
        <source>functions are not allowed: the file is read, never run</source>
        <translation>不允许使用函数：该文件只会被读取，不会被执行</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: conditions and loops are not allowed; write plain NAME=value assignments</source>
        <translation>“%1”：不允许使用条件和循环；请写成简单的 NAME=value 赋值</translation>
    </message>
    <message>
        <source>&quot;source&quot; would read another file; only assignments are allowed</source>
        <translation>“source”会读取另一个文件；只允许赋值语句</translation>
    </message>
    <message>
        <source>&quot;%1&quot; would run a command; only NAME=value and NAME=(a b c) assignments are allowed</source>
        <translation>“%1”会执行命令；只允许 NAME=value 和 NAME=(a b c) 形式的赋值</translation>
    </message>
    <message>
        <source>the array %1=( is never closed with &quot;)&quot;</source>
        <translation>数组 %1=( 缺少闭合的“)”</translation>
    </message>
    <message>
        <source>indexed array elements ([N]=value) are not supported; list the values in order</source>
        <translation>不支持带下标的数组元素（[N]=value）；请按顺序列出各个值</translation>
    </message>
    <message>
        <source>unexpected &quot;%1&quot; after the closing &quot;)&quot; of %2</source>
        <translation>%2 的闭合“)”之后不应出现“%1”</translation>
    </message>
    <message>
        <source>unexpected &quot;;&quot; inside an array value</source>
        <translation>数组值中不应出现“;”</translation>
    </message>
    <message>
        <source>an unquoted &quot;~&quot; is replaced by the home directory of whoever runs the script; write the full path</source>
        <translation>未加引号的“~”会被替换为运行脚本的用户的主目录；请写完整路径</translation>
    </message>
    <message>
        <source>an unquoted &quot;%1&quot; in an array would match file names; quote the value</source>
        <translation>数组中未加引号的“%1”会匹配文件名；请给该值加上引号</translation>
    </message>
    <message>
        <source>an unquoted &quot;%1&quot; in an array may expand into several values; quote the value</source>
        <translation>数组中未加引号的“%1”可能展开为多个值；请给该值加上引号</translation>
    </message>
    <message>
        <source>a line break inside quotes is not supported; close the quote on the same line</source>
        <translation>不支持引号内换行；请在同一行内闭合引号</translation>
    </message>
    <message>
        <source>the single quote opened here is never closed</source>
        <translation>此处的单引号没有闭合</translation>
    </message>
    <message>
        <source>the double quote opened here is never closed</source>
        <translation>此处的双引号没有闭合</translation>
    </message>
    <message>
        <source>arithmetic expansion $((...)) is not allowed: the file is read, never run; write the number</source>
        <translation>不允许使用算术展开 $((...))：该文件只会被读取，不会被执行；请直接写出数字</translation>
    </message>
    <message>
        <source>command substitution $(...) is not allowed: the file is read, never run; write the value</source>
        <translation>不允许使用命令替换 $(...)：该文件只会被读取，不会被执行；请直接写出值</translation>
    </message>
    <message>
        <source>arithmetic expansion $[...] is not allowed: the file is read, never run; write the number</source>
        <translation>不允许使用算术展开 $[...]：该文件只会被读取，不会被执行；请直接写出数字</translation>
    </message>
    <message>
        <source>$&apos;...&apos; and $&quot;...&quot; quoting are not supported; use plain &apos;...&apos; or &quot;...&quot;</source>
        <translation>不支持 $&apos;...&apos; 和 $&quot;...&quot; 引用；请使用普通的 &apos;...&apos; 或 &quot;...&quot;</translation>
    </message>
    <message>
        <source>the special parameter $%1 depends on how the script is run; write the value</source>
        <translation>特殊参数 $%1 取决于脚本的运行方式；请直接写出值</translation>
    </message>
    <message>
        <source>&quot;${&quot; is never closed with &quot;}&quot;</source>
        <translation>“${”缺少闭合的“}”</translation>
    </message>
    <message>
        <source>command substitution inside ${...} is not allowed: the file is read, never run</source>
        <translation>不允许在 ${...} 中使用命令替换：该文件只会被读取，不会被执行</translation>
    </message>
    <message>
        <source>&quot;${%1}&quot; is not supported; only ${name} and ${name[N]} references are</source>
        <translation>不支持“${%1}”；只支持 ${name} 和 ${name[N]} 引用</translation>
    </message>
    <message>
        <source>the value of $%1 contains a wildcard that bash would match against file names; quote the reference</source>
        <translation>$%1 的值包含通配符，bash 会用它匹配文件名；请给该引用加上引号</translation>
    </message>
    <message>
        <source>$%1 is not assigned earlier in this file; FATE Deployer never reads your environment, so write the value</source>
        <translation>$%1 在此文件中未事先赋值；FATE Deployer 不会读取您的环境变量，请直接写出值</translation>
    </message>
    <message numerus="yes">
        <source>${%1[%2]} refers to an element that does not exist (%1 has %n value(s))</source>
        <translation>
            <numerusform>${%1[%2]} 引用的元素不存在（%1 只有 %n 个值）</numerusform>
        </translation>
    </message>
    <message>
        <source>the file is larger than %1 KiB; a KubeFATE configuration is a few kB — is this the right file?</source>
        <translation>文件大于 %1 KiB，而 KubeFATE 配置文件通常只有几 KB——是否选错了文件？</translation>
    </message>
    <message>
        <source>starts with a byte order mark, which bash would read as part of the first command; ignored</source>
        <translation>文件以字节顺序标记（BOM）开头，bash 会将其当作第一条命令的一部分；已忽略</translation>
    </message>
    <message>
        <source>the line is %1 characters long (at most %2 are accepted); is this the right file?</source>
        <translation>该行长 %1 个字符（最多接受 %2 个）；是否选错了文件？</translation>
    </message>
    <message>
        <source>contains a NUL byte: this is binary data, not a configuration file</source>
        <translation>包含 NUL 字节：这是二进制数据，不是配置文件</translation>
    </message>
    <message>
        <source>contains the control character 0x%1: this looks like binary data, not a configuration file</source>
        <translation>包含控制字符 0x%1：这看起来是二进制数据，不是配置文件</translation>
    </message>
    <message>
        <source>is not valid UTF-8 text</source>
        <translation>不是有效的 UTF-8 文本</translation>
    </message>
    <message>
        <source>has Windows line ends (CRLF); bash would keep the carriage return in every value, so convert the file with dos2unix before using it with KubeFATE&apos;s scripts</source>
        <translation>使用了 Windows 换行符（CRLF）；bash 会在每个值中保留回车符，因此在与 KubeFATE 脚本一起使用前，请先用 dos2unix 转换该文件</translation>
    </message>
    <message>
        <source>%1: is a folder, not a configuration file</source>
        <translation>%1：是文件夹，不是配置文件</translation>
    </message>
    <message>
        <source>%1: cannot read the file: %2</source>
        <translation>%1：无法读取文件：%2</translation>
    </message>
    <message>
        <source>the value of %1 expands to %2 characters (at most %3 are accepted); a KubeFATE configuration never needs that much — is this the right file?</source>
        <translation>%1 的值展开后有 %2 个字符（最多允许 %3 个）；KubeFATE 配置从不需要这么多——这是正确的文件吗？</translation>
    </message>
    <message>
        <source>expanding $%1 goes over the limit of %2 characters produced by the references of one file; a KubeFATE configuration never needs that much — is this the right file?</source>
        <translation>展开 $%1 时超出了单个文件中所有变量引用可产生的 %2 个字符的上限；KubeFATE 配置从不需要这么多——这是正确的文件吗？</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Bundle</name>
    <message>
        <source>cannot read template file %1: %2</source>
        <translation>无法读取模板文件 %1：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::BundleCache</name>
    <message>
        <source>cannot read %1</source>
        <translation>无法读取 %1</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the template folder %1</source>
        <translation>无法读取模板文件夹 %1</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>FateDeployer::BundlePacker</name>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::BundlePrep</name>
    <message>
        <source>%1 (download the templates first: fate-deployer-cli render)</source>
        <translation>%1（请先下载模板：fate-deployer-cli render）</translation>
    </message>
    <message>
        <source>cannot create the folder %1 for the bundles</source>
        <translation>无法为部署包创建文件夹 %1</translation>
    </message>
    <message>
        <source>the render produced no bundle %1 (is the party or the exchange in the project?)</source>
        <translation>渲染未生成部署包 %1（项目中是否有该参与方或 Exchange？）</translation>
    </message>
    <message>
        <source>cancelled before rendering</source>
        <translation>在渲染之前已取消</translation>
    </message>
    <message>
        <source>cancelled after rendering, before packing</source>
        <translation>在渲染之后、打包之前已取消</translation>
    </message>
    <message>
        <source>the passwords %1 are not set: the bundles would carry them empty; set them first</source>
        <translation>密码 %1 未设置：部署包中这些值将为空；请先设置</translation>
    </message>
    <message>
        <source>party %1: a serving host other than the party&apos;s host (%2) is not supported yet; FATE-Serving joins the party&apos;s training network, so set the party&apos;s host as its serving host</source>
        <translation>参与方 %1：暂不支持与参与方主机（%2）不同的 Serving 主机；FATE-Serving 会加入该参与方的训练网络，请将参与方主机设为其 Serving 主机</translation>
    </message>
</context>
<context>
    <name>FateDeployer::BundleWriter</name>
    <message>
        <source>cannot create the output folder %1</source>
        <translation>无法创建输出文件夹 %1</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
    <message>
        <source>cannot replace %1 (is a file in it open?)</source>
        <translation>无法替换 %1（其中是否有文件正被打开？）</translation>
    </message>
    <message>
        <source>cannot move the rendered %1 into %2</source>
        <translation>无法将渲染好的 %1 移入 %2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ChangePlan</name>
    <message>
        <source>config files changed</source>
        <translation>配置文件有变更</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>to be removed</source>
        <translation>待删除</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变更</translation>
    </message>
    <message>
        <source>Nothing of this project was deployed from this machine yet: every host is new.</source>
        <translation>本部署机尚未部署过此项目：所有主机均为新增。</translation>
    </message>
    <message>
        <source>only route tables changed: restarts %1</source>
        <translation>仅路由表有变更：只重启 %1</translation>
    </message>
    <message>
        <source>added</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>已删除</translation>
    </message>
    <message>
        <source>changed (a secret value)</source>
        <translation>已变更（凭据值）</translation>
    </message>
    <message>
        <source>changed (binary)</source>
        <translation>已变更（二进制）</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>已变更</translation>
    </message>
    <message>
        <source>(deployed on %1 before; apply removes it there)</source>
        <translation>（之前部署在 %1 上；应用时会在该主机上删除部署）</translation>
    </message>
    <message>
        <source>why: %1</source>
        <translation>原因：%1</translation>
    </message>
    <message>
        <source>the default route</source>
        <translation>默认路由</translation>
    </message>
    <message>
        <source>the route to party %1</source>
        <translation>到参与方 %1 的路由</translation>
    </message>
    <message>
        <source>no address</source>
        <translation>无地址</translation>
    </message>
    <message>
        <source>%1 is added (%2)</source>
        <translation>新增%1（%2）</translation>
    </message>
    <message>
        <source>%1 changes to %2 (was %3)</source>
        <translation>%1改为 %2（原为 %3）</translation>
    </message>
    <message>
        <source>%1 is removed</source>
        <translation>删除%1</translation>
    </message>
    <message>
        <source>the exchange was not deployed yet</source>
        <translation>Exchange 尚未部署</translation>
    </message>
    <message>
        <source>party %1 was not deployed yet</source>
        <translation>参与方 %1 尚未部署</translation>
    </message>
    <message>
        <source>moves from %1 to %2</source>
        <translation>从 %1 迁移到 %2</translation>
    </message>
    <message>
        <source>moves from folder %1 to %2</source>
        <translation>从文件夹 %1 迁移到 %2</translation>
    </message>
    <message>
        <source>the project has no exchange any more</source>
        <translation>项目中已不再有 Exchange</translation>
    </message>
    <message>
        <source>party %1 left the project</source>
        <translation>参与方 %1 已离开项目</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ChangePlanDialog</name>
    <message>
        <source>added</source>
        <comment>file in the change plan</comment>
        <translation>新增</translation>
    </message>
    <message>
        <source>removed</source>
        <comment>file in the change plan</comment>
        <translation>已删除</translation>
    </message>
    <message>
        <source>a secret value changed</source>
        <comment>file in the change plan</comment>
        <translation>凭据值已变更</translation>
    </message>
    <message>
        <source>changed (binary)</source>
        <comment>file in the change plan</comment>
        <translation>已变更（二进制）</translation>
    </message>
    <message>
        <source>changed</source>
        <comment>file in the change plan</comment>
        <translation>已变更</translation>
    </message>
    <message>
        <source>Change plan</source>
        <translation>变更计划</translation>
    </message>
    <message>
        <source>Host / file</source>
        <translation>主机 / 文件</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Since the last deployment</source>
        <translation>自上次部署以来</translation>
    </message>
    <message>
        <source>Choose a changed file to see its diff (secrets are masked).</source>
        <translation>选择一个变更的文件以查看差异（凭据已隐藏）。</translation>
    </message>
    <message>
        <source>&amp;Apply</source>
        <translation>应用(&amp;A)</translation>
    </message>
    <message>
        <source>Rendering the project and comparing it with the last deployment…</source>
        <translation>正在渲染项目并与上次部署比较…</translation>
    </message>
    <message>
        <source>Cannot make the change plan: %1</source>
        <translation>无法生成变更计划：%1</translation>
    </message>
    <message>
        <source>%1: only route tables, restarts %2</source>
        <translation>%1：仅路由表，只重启 %2</translation>
    </message>
    <message>
        <source>Nothing of this project was deployed from this computer yet: every host is new.</source>
        <translation>本部署机尚未部署过此项目：所有主机均为新增。</translation>
    </message>
    <message>
        <source>Every host runs what the project describes: nothing to apply.</source>
        <translation>每台主机运行的都是项目所描述的内容：无需应用。</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) to deploy.</source>
        <translation>
            <numerusform>需要部署 %n 台主机。</numerusform>
        </translation>
    </message>
    <message>
        <source>Only a secret value changed in %1; secrets are never shown.</source>
        <translation>%1 中仅凭据值有变更；凭据从不显示。</translation>
    </message>
    <message>
        <source>%1 is binary or too big to compare line by line.</source>
        <translation>%1 是二进制文件或太大，无法逐行比较。</translation>
    </message>
    <message>
        <source>Deploy only the changed and new hosts, then remove the hosts of parties that left</source>
        <translation>只部署有变更的主机和新主机，然后删除已退出的参与方（Party）的主机上的部署</translation>
    </message>
    <message>
        <source>%1 — the old host of a party that moved</source>
        <translation>%1 — 已迁移的参与方（Party）原来的主机</translation>
    </message>
    <message>
        <source>Remove hosts</source>
        <translation>删除主机上的部署</translation>
    </message>
    <message>
        <source>Apply deploys the changed and new hosts first. When that succeeded, it tears down these hosts and deletes their deployment folders:

%1

Go on?</source>
        <translation>应用会先部署有变更的主机和新主机。成功后，将删除以下主机上的部署并删除其部署目录：

%1

是否继续？</translation>
    </message>
    <message numerus="yes">
        <source>Apply then removes %n host(s) (parties that left, old hosts of parties that moved), after asking.</source>
        <translation>
            <numerusform>确认后，应用将删除 %n 台主机上的部署（已退出的参与方，以及已迁移参与方原来的主机）。</numerusform>
        </translation>
    </message>
    <message>
        <source>How %1 was reached is not recorded: tear it down from a project that still lists it.</source>
        <translation>未记录 %1 的连接方式：请在仍包含它的项目中删除部署。</translation>
    </message>
    <message>
        <source>Why: %1</source>
        <translation>原因：%1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Cli</name>
    <message>
        <source>check a project file and list its problems</source>
        <translation>检查项目文件并列出其中的问题</translation>
    </message>
    <message>
        <source>Check a project file.</source>
        <translation>检查项目文件。</translation>
    </message>
    <message>
        <source>the .fdproj file</source>
        <translation>.fdproj 项目文件</translation>
    </message>
    <message>
        <source>print the result as JSON</source>
        <translation>以 JSON 格式输出结果</translation>
    </message>
    <message>
        <source>validate needs exactly one PROJECT file</source>
        <translation>validate 需要且仅需要一个 PROJECT 项目文件</translation>
    </message>
    <message>
        <source>error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>%1: valid</source>
        <translation>%1：有效</translation>
    </message>
    <message>
        <source>check every host before a deploy, with fixes</source>
        <translation>部署前检查每台主机，并给出修复方法</translation>
    </message>
    <message>
        <source>deploy the parties and the exchange, in parallel</source>
        <translation>并行部署各参与方和 Exchange</translation>
    </message>
    <message>
        <source>show the containers of every host</source>
        <translation>显示每台主机上的容器</translation>
    </message>
    <message>
        <source>run FATE&apos;s toy example between two parties</source>
        <translation>在两个参与方之间运行 FATE 的 toy example</translation>
    </message>
    <message>
        <source>stop or remove the deployment</source>
        <translation>停止或删除部署</translation>
    </message>
    <message>
        <source>list past runs or export one as a report</source>
        <translation>列出历史运行记录，或将其中一次导出为报告</translation>
    </message>
    <message>
        <source>render the bundles (confs-&lt;id&gt;/, exchange/) into a folder</source>
        <translation>将部署包（confs-&lt;id&gt;/、exchange/）渲染到文件夹中</translation>
    </message>
    <message>
        <source>read KubeFATE&apos;s configuration into a project file</source>
        <translation>将 KubeFATE 配置读入项目文件</translation>
    </message>
    <message>
        <source>write a project as KubeFATE&apos;s configuration files</source>
        <translation>将项目写出为 KubeFATE 配置文件</translation>
    </message>
    <message>
        <source>Read KubeFATE&apos;s docker-configuration.sh or parties.conf (and .env) into a project file. The files are parsed, never run.</source>
        <translation>将 KubeFATE 的 docker-configuration.sh 或 parties.conf（以及 .env）读入项目文件。这些文件只会被解析，不会被执行。</translation>
    </message>
    <message>
        <source>KubeFATE&apos;s docker-configuration.sh or parties.conf</source>
        <translation>KubeFATE 的 docker-configuration.sh 或 parties.conf</translation>
    </message>
    <message>
        <source>KubeFATE&apos;s .env (default: next to the configuration, or the folder above for docker-configuration.sh)</source>
        <translation>KubeFATE 的 .env（默认：配置文件所在目录；对于 docker-configuration.sh 则为其上一级目录）</translation>
    </message>
    <message>
        <source>the .fdproj file to write</source>
        <translation>要写出的 .fdproj 项目文件</translation>
    </message>
    <message>
        <source>the project name (default: the output file name)</source>
        <translation>项目名称（默认：输出文件名）</translation>
    </message>
    <message>
        <source>overwrite an existing project file</source>
        <translation>覆盖已有的项目文件</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli import --kubefate-config FILE [--env FILE] -o PROJECT [--force]</source>
        <translation>用法：fate-deployer-cli import --kubefate-config FILE [--env FILE] -o PROJECT [--force]</translation>
    </message>
    <message>
        <source>%1 already exists; nothing was written (use --force to overwrite)</source>
        <translation>%1 已存在；未写入任何内容（使用 --force 覆盖）</translation>
    </message>
    <message>
        <source>%1: imported %2 party(s) for KubeFATE %3 from %4</source>
        <translation>%1：已从 %4 导入 %2 个参与方（KubeFATE %3）</translation>
    </message>
    <message>
        <source>the folder to write the files into (created if missing)</source>
        <translation>写出文件的目标文件夹（不存在时自动创建）</translation>
    </message>
    <message>
        <source>overwrite existing files</source>
        <translation>覆盖已有文件</translation>
    </message>
    <message>
        <source>%1: wrote %2 and .env</source>
        <translation>%1：已写出 %2 和 .env</translation>
    </message>
    <message>
        <source>Usage: fate-deployer-cli COMMAND [OPTIONS]</source>
        <translation>用法：fate-deployer-cli COMMAND [OPTIONS]</translation>
    </message>
    <message>
        <source>Commands:</source>
        <translation>命令：</translation>
    </message>
    <message>
        <source>Run &quot;fate-deployer-cli COMMAND --help&quot; for the options of a command.</source>
        <translation>运行“fate-deployer-cli COMMAND --help”查看某个命令的选项。</translation>
    </message>
    <message>
        <source>unknown command &quot;%1&quot;</source>
        <translation>未知命令“%1”</translation>
    </message>
    <message>
        <source>the KubeFATE %1 templates are not downloaded yet: render and deploy download them from %2, which needs internet access; offline, choose a KubeFATE folder or release archive instead</source>
        <translation>KubeFATE %1 模板尚未下载：渲染和部署时会从 %2 下载，这需要访问互联网；离线时请改为选择 KubeFATE 文件夹或发布包</translation>
    </message>
    <message>
        <source>templates: %1, sha256 %2 (downloaded)</source>
        <translation>模板：%1，sha256 %2（已下载）</translation>
    </message>
    <message>
        <source>put the passwords of parties.conf (v1.11 and later) into the keychain; they never go into the project file</source>
        <translation>将 parties.conf（v1.11 及以后）中的密码存入系统钥匙串；密码永远不会写入项目文件</translation>
    </message>
    <message>
        <source>--store-secrets needs the keychain, but there is no session bus (DBUS_SESSION_BUS_ADDRESS); nothing was written</source>
        <translation>--store-secrets 需要系统钥匙串，但没有会话总线（DBUS_SESSION_BUS_ADDRESS）；未写入任何内容</translation>
    </message>
    <message>
        <source>update the parties.conf and .env already in DIR in place, keeping their layout and comments (only changed values are rewritten)</source>
        <translation>就地更新 DIR 中已有的 parties.conf 和 .env，保留其格式和注释（只重写发生变化的值）</translation>
    </message>
    <message>
        <source>write the passwords stored in the keychain (default: KubeFATE&apos;s public defaults, or with --update the file&apos;s own)</source>
        <translation>写入系统钥匙串中保存的密码（默认：KubeFATE 公开的默认密码；使用 --update 时保留文件中原有的密码）</translation>
    </message>
    <message>
        <source>--with-secrets needs the keychain, but there is no session bus (DBUS_SESSION_BUS_ADDRESS); nothing was written</source>
        <translation>--with-secrets 需要系统钥匙串，但没有会话总线（DBUS_SESSION_BUS_ADDRESS）；未写入任何内容</translation>
    </message>
    <message>
        <source>export a party&apos;s card, or import one into the coordinator&apos;s project</source>
        <translation>导出参与方名片，或将名片导入协调方的项目</translation>
    </message>
    <message>
        <source>export, import or compare the federation file shared by all teams</source>
        <translation>导出、导入或比较所有团队共用的联邦文件</translation>
    </message>
    <message>
        <source>show what applying the project changes on each host (with diffs)</source>
        <translation>显示应用项目后每台主机上的变更（含差异）</translation>
    </message>
    <message>
        <source>deploy only the changed and new hosts, remove the parties that left</source>
        <translation>只部署有变更的主机和新主机，删除已退出的参与方（Party）</translation>
    </message>
    <message>
        <source>check every path of the federation from its source host (TCP)</source>
        <translation>从源主机检查联邦中的每条连通路径（TCP）</translation>
    </message>
    <message>
        <source>compare the hosts&apos; files and containers with the last deployment</source>
        <translation>将主机上的文件和容器与上次部署进行比较</translation>
    </message>
    <message>
        <source>put the previous bundle back on the hosts and restart them</source>
        <translation>在主机上恢复上一个部署包并重新启动</translation>
    </message>
    <message>
        <source>wrote %1</source>
        <translation>已写出 %1</translation>
    </message>
    <message>
        <source>On the Kubernetes side, for each file: kubefate cluster install -f FILE</source>
        <translation>在 Kubernetes 一侧，对每个文件执行：kubefate cluster install -f FILE</translation>
    </message>
    <message>
        <source>Write a project as KubeFATE&apos;s configuration: docker-configuration.sh + .env (KubeFATE 1.1.0) or parties.conf + .env (v1.4 and later). All files or none are written. --format cluster-yaml writes KubeFATE&apos;s cluster.yaml for Kubernetes instead: one per party this team deploys, and the exchange&apos;s.</source>
        <translation>将项目写出为 KubeFATE 配置：docker-configuration.sh + .env（KubeFATE 1.1.0）或 parties.conf + .env（v1.4 及以后）。要么全部文件都写出，要么一个都不写。--format cluster-yaml 则写出用于 Kubernetes 的 KubeFATE cluster.yaml：本团队部署的每个参与方一个，另加 Exchange 交换组件的一个。</translation>
    </message>
    <message>
        <source>docker-configuration, parties-conf or cluster-yaml</source>
        <translation>docker-configuration、parties-conf 或 cluster-yaml</translation>
    </message>
    <message>
        <source>usage: fate-deployer-cli export --format docker-configuration|parties-conf|cluster-yaml PROJECT -o DIR [--force] [--update] [--with-secrets]</source>
        <translation>用法：fate-deployer-cli export --format docker-configuration|parties-conf|cluster-yaml PROJECT -o DIR [--force] [--update] [--with-secrets]</translation>
    </message>
    <message>
        <source>--update and --with-secrets do not apply to cluster-yaml (it never carries secrets)</source>
        <translation>--update 和 --with-secrets 不适用于 cluster-yaml（它从不包含密码）</translation>
    </message>
    <message>
        <source>unknown format &quot;%1&quot;; use docker-configuration, parties-conf or cluster-yaml</source>
        <translation>未知格式“%1”；请使用 docker-configuration、parties-conf 或 cluster-yaml</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ClusterYaml</name>
    <message>
        <source>cluster.yaml is not available for KubeFATE %1: that release deploys to Kubernetes with its own helm scripts, not with the KubeFATE command line; choose KubeFATE v1.4 or later (templates.kubefateVersion) to export for Kubernetes</source>
        <translation>KubeFATE %1 不提供 cluster.yaml：该版本用它自带的 helm 脚本部署到 Kubernetes，而不是用 KubeFATE 命令行；如需导出到 Kubernetes，请选择 KubeFATE v1.4 或更高版本（templates.kubefateVersion）</translation>
    </message>
    <message>
        <source>cluster.yaml export writes the Eggroll and OSX federations only; this project uses %1 computing with %2 federation, whose route tables (nginx, %2) are not exported. Start from KubeFATE&apos;s example cluster-spark-*.yaml instead</source>
        <translation>cluster.yaml 导出只支持 Eggroll 和 OSX 联邦通信；本项目使用 %1 计算引擎和 %2 联邦通信，其路由表（nginx、%2）不会被导出。请改用 KubeFATE 的示例 cluster-spark-*.yaml 作为起点</translation>
    </message>
    <message>
        <source>%1 and %2 would both use node port %3; give one of them a reachable port between %4 and %5</source>
        <translation>%1 和 %2 将使用同一个节点端口 %3；请为其中一个设置 %4 到 %5 之间的可达端口</translation>
    </message>
    <message>
        <source>parties[%1]: the serving host %2 is not exported; FATE-Serving has its own chart (cluster-serving.yaml)</source>
        <translation>parties[%1]：未导出 Serving 主机 %2；FATE-Serving 有自己的 chart（cluster-serving.yaml）</translation>
    </message>
    <message>
        <source>exchange: KubeFATE %1 has no exchange chart; the exchange stays on Docker</source>
        <translation>exchange：KubeFATE %1 没有 Exchange 交换组件的 chart；Exchange 交换组件仍留在 Docker 上</translation>
    </message>
    <message>
        <source>nothing to export: every party and the exchange are deployed by other teams</source>
        <translation>没有可导出的内容：所有参与方和 Exchange 交换组件都由其他团队部署</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>%1 already exists; nothing was written (use --force to overwrite)</source>
        <translation>%1 已存在；未写入任何内容（使用 --force 覆盖）</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ComposeFacts</name>
    <message>
        <source>the bundle %1 has no compose file %2</source>
        <translation>部署包 %1 中没有 compose 文件 %2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ConsolePrompter</name>
    <message>
        <source>The host key of %1 (%2, port %3) is not known.
%4 key fingerprint: %5
Accept it and remember it in %6? [y/N] </source>
        <translation>%1（%2，端口 %3）的主机密钥未知。
%4 密钥指纹：%5
是否接受并记入 %6？[y/N] </translation>
    </message>
    <message>
        <source>Password for %1: </source>
        <translation>%1 的密码：</translation>
    </message>
    <message>
        <source>Passphrase for key %1: </source>
        <translation>密钥 %1 的私钥口令：</translation>
    </message>
    <message>
        <source>%1 (%2) </source>
        <translation>%1（%2） </translation>
    </message>
    <message>
        <source>Wrong, try again. </source>
        <translation>输入有误，请重试。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ContainerModel</name>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Container</source>
        <translation>容器</translation>
    </message>
    <message>
        <source>Image</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>State</source>
        <comment>container state, e.g. running</comment>
        <translation>状态</translation>
    </message>
    <message>
        <source>Status</source>
        <comment>docker ps status text, e.g. Up 3 minutes</comment>
        <translation>状态详情</translation>
    </message>
</context>
<context>
    <name>FateDeployer::DayTwo</name>
    <message>
        <source>Open TCP port %1 on %2 for %3: on CentOS 7 `firewall-cmd --permanent --add-port=%1/tcp &amp;&amp; firewall-cmd --reload`, on Ubuntu `ufw allow %1/tcp`; in a cloud, allow inbound TCP %1 in the host&apos;s security group.</source>
        <translation>在 %2 上为 %3 开放 TCP 端口 %1：CentOS 7 上执行 `firewall-cmd --permanent --add-port=%1/tcp &amp;&amp; firewall-cmd --reload`，Ubuntu 上执行 `ufw allow %1/tcp`；云主机请在安全组中放行入站 TCP %1。</translation>
    </message>
    <message>
        <source>Nothing accepted the connection at %1:%2 (no listener, or a firewall rejects it). </source>
        <translation>%1:%2 拒绝了连接（没有程序监听，或防火墙拒绝）。</translation>
    </message>
    <message>
        <source>No answer from %1:%2: a firewall drops the packets on the way or on the host. </source>
        <translation>%1:%2 无响应：途中或主机上的防火墙丢弃了数据包。</translation>
    </message>
    <message>
        <source>%1 cannot be reached from %2 (no route or name). Check the reachable address of %3 and the routing between the sites.</source>
        <translation>从 %2 无法到达 %1（无路由或无法解析名称）。请检查 %3 的可达地址以及各站点之间的路由。</translation>
    </message>
    <message>
        <source>Port %1 on %2 is held by another program (ss -ltnp shows which); stop or move it, FATE needs it.</source>
        <translation>%2 上的端口 %1 被其他程序占用（ss -ltnp 可查看是哪个程序）；请停止或迁移该程序，FATE 需要此端口。</translation>
    </message>
    <message>
        <source>%1 has no way to make a TCP connection (python, bash with timeout, or nc); install one of them.</source>
        <translation>%1 上没有可建立 TCP 连接的工具（python、带 timeout 的 bash 或 nc）；请安装其中之一。</translation>
    </message>
    <message>
        <source>the folder is missing</source>
        <translation>目录不存在</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>refused</source>
        <translation>连接被拒绝</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>unreachable</source>
        <translation>不可达</translation>
    </message>
    <message>
        <source>port in use</source>
        <translation>端口被占用</translation>
    </message>
    <message>
        <source>no probe tool</source>
        <translation>无探测工具</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>file added</source>
        <translation>新增文件</translation>
    </message>
    <message>
        <source>file changed</source>
        <translation>文件已修改</translation>
    </message>
    <message>
        <source>file missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>unexpected container</source>
        <translation>意外的容器</translation>
    </message>
    <message>
        <source>container missing</source>
        <translation>容器缺失</translation>
    </message>
    <message>
        <source>container not running</source>
        <translation>容器未运行</translation>
    </message>
    <message>
        <source>other image</source>
        <translation>镜像不同</translation>
    </message>
</context>
<context>
    <name>FateDeployer::DayTwoDialog</name>
    <message>
        <source>party %1</source>
        <translation>参与方 %1</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>Exchange 交换组件</translation>
    </message>
    <message>
        <source>Roll back</source>
        <translation>回滚</translation>
    </message>
    <message>
        <source>Put the previous bundle of %1 back in place and restart it? The current one is kept as the previous bundle.</source>
        <translation>是否恢复 %1 的上一个部署包并重新启动？当前部署包将保留为上一个部署包。</translation>
    </message>
    <message>
        <source>from %1</source>
        <translation>从 %1</translation>
    </message>
    <message>
        <source>to %1</source>
        <translation>到 %1</translation>
    </message>
    <message>
        <source>reachable</source>
        <translation>可达</translation>
    </message>
    <message>
        <source>%1 → %2 (%3:%4): %5</source>
        <translation>%1 → %2（%3:%4）：%5</translation>
    </message>
    <message>
        <source>Every path is reachable.</source>
        <translation>所有路径均可达。</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Difference</source>
        <translation>差异</translation>
    </message>
    <message>
        <source>File or container</source>
        <translation>文件或容器</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>实际情况</translation>
    </message>
    <message>
        <source>no drift</source>
        <translation>无偏差</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>Connectivity matrix</source>
        <translation>连通性矩阵</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>配置偏差</translation>
    </message>
    <message>
        <source>Every path of the federation, checked from its source host over SSH: party → exchange and exchange → party. Before a deployment a short-lived test listener answers on the target port.</source>
        <translation>通过 SSH 从源主机检查联邦的每条路径：参与方 → Exchange 交换组件，以及 Exchange 交换组件 → 参与方。部署之前，由一个短时的测试监听程序在目标端口上应答。</translation>
    </message>
    <message>
        <source>The files of each host&apos;s bundle (sha256) and its containers, compared with what this computer deployed there last. Roll back puts the previous bundle back in place.</source>
        <translation>将每台主机上部署包的文件（sha256）及其容器与本机上次在该主机上部署的内容进行比较。回滚会恢复上一个部署包。</translation>
    </message>
    <message>
        <source>Check connectivity</source>
        <translation>检查连通性</translation>
    </message>
    <message>
        <source>Check drift</source>
        <translation>检查配置偏差</translation>
    </message>
    <message>
        <source>Roll back the selected host…</source>
        <translation>回滚所选主机…</translation>
    </message>
    <message>
        <source>route or port unreachable</source>
        <translation>路由或端口不可达</translation>
    </message>
    <message>
        <source>MySQL not ready</source>
        <translation>MySQL 未就绪</translation>
    </message>
    <message>
        <source>not running or unhealthy</source>
        <translation>未运行或不健康</translation>
    </message>
    <message>
        <source>timeout</source>
        <translation>超时</translation>
    </message>
    <message>
        <source>job running time exceeded</source>
        <translation>作业运行超时</translation>
    </message>
    <message>
        <source>no success line</source>
        <translation>没有成功输出</translation>
    </message>
    <message>
        <source>guest %1</source>
        <translation>guest %1</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>host %1</translation>
    </message>
    <message>
        <source>%1 → %2 (on %3): %4</source>
        <translation>%1 → %2（在 %3 上）：%4</translation>
    </message>
    <message>
        <source>Every pair passed the toy example.</source>
        <translation>所有参与方对均通过了 toy example。</translation>
    </message>
    <message>
        <source>Day two: connectivity, toy grid and drift</source>
        <translation>日常运维：连通性、toy 网格与配置偏差</translation>
    </message>
    <message>
        <source>Toy grid</source>
        <translation>toy 网格</translation>
    </message>
    <message>
        <source>FATE&apos;s toy example for every ordered pair of parties: a row per guest (where it runs), a column per host. Pairs of one guest run side by side as far as its FATE allows. A failed cell says why; hover over it or read below for the fix.</source>
        <translation>对参与方（Party）的每个有序对运行 FATE 的 toy example：每行一个 guest（在其主机上运行），每列一个 host。同一 guest 的参与方对在其 FATE 允许的范围内并行运行。失败的格子会说明原因；将鼠标悬停在格子上或查看下方，了解解决方法。</translation>
    </message>
    <message>
        <source>Run the toy grid</source>
        <translation>运行 toy 网格</translation>
    </message>
</context>
<context>
    <name>FateDeployer::DeployMonitor</name>
    <message>
        <source>— %1 started —</source>
        <translation>— %1 开始 —</translation>
    </message>
    <message>
        <source>Step “%1” failed after %2.</source>
        <translation>步骤“%1”在 %2 后失败。</translation>
    </message>
    <message>
        <source>Step “%1” failed after %2: %3</source>
        <translation>步骤“%1”在 %2 后失败：%3</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>— %1 finished: %2 —</source>
        <translation>— %1 结束：%2 —</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in seconds with one decimal</comment>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration in whole seconds</comment>
        <translation>%1秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1分%2秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1小时%2分</translation>
    </message>
</context>
<context>
    <name>FateDeployer::DeployPage</name>
    <message>
        <source>Running the toy example…</source>
        <translation>正在运行 toy example…</translation>
    </message>
    <message>
        <source>Save log</source>
        <translation>保存日志</translation>
    </message>
    <message>
        <source>Log files (*.log *.txt)</source>
        <translation>日志文件 (*.log *.txt)</translation>
    </message>
    <message>
        <source>Cannot save log</source>
        <translation>无法保存日志</translation>
    </message>
    <message>
        <source>The log could not be written to %1: %2. Choose another folder.</source>
        <translation>无法将日志写入 %1：%2。请选择其他文件夹。</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>running</source>
        <translation>运行中</translation>
    </message>
    <message>
        <source>finished</source>
        <translation>已结束</translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) failed</source>
        <translation>
            <numerusform>%n 台主机失败</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n line(s)</source>
        <translation>
            <numerusform>%n 行</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>oldest %n line(s) dropped from view; the saved run log keeps everything</source>
        <translation>
            <numerusform>最早的 %n 行已不再显示；保存的运行日志保留全部内容</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 of %n container(s) running</source>
        <translation>
            <numerusform>%n 个容器中 %1 个正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>All hosts</source>
        <translation>所有主机</translation>
    </message>
    <message>
        <source>(choose a host)</source>
        <translation>（请选择主机）</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Information and above</source>
        <translation>信息及以上</translation>
    </message>
    <message>
        <source>Warnings and errors</source>
        <translation>警告和错误</translation>
    </message>
    <message>
        <source>Errors only</source>
        <translation>仅错误</translation>
    </message>
    <message>
        <source>Find next (F3)</source>
        <translation>查找下一个 (F3)</translation>
    </message>
    <message>
        <source>Find previous (Shift+F3)</source>
        <translation>查找上一个 (Shift+F3)</translation>
    </message>
    <message>
        <source>Copy the selected lines (Ctrl+C)</source>
        <translation>复制选中的行 (Ctrl+C)</translation>
    </message>
    <message>
        <source>Save the lines shown to a file</source>
        <translation>将显示的行保存到文件</translation>
    </message>
</context>
<context>
    <name>FateDeployer::DeployedState</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>cannot create the deployed-state folder %1</source>
        <translation>无法创建部署状态文件夹 %1</translation>
    </message>
    <message>
        <source>cannot remove %1</source>
        <translation>无法删除 %1</translation>
    </message>
    <message>
        <source>no previous deployment of %1 is recorded</source>
        <translation>没有 %1 的上一次部署记录</translation>
    </message>
</context>
<context>
    <name>FateDeployer::EngineBackend</name>
    <message>
        <source>Up %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message numerus="yes">
        <source>, %n restart(s)</source>
        <translation>
            <numerusform>，重启 %n 次</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 (retry of the failed hosts)</source>
        <translation>%1（重试失败的主机）</translation>
    </message>
    <message>
        <source>Verify: toy example from party %1 (guest) to party %2 (host)</source>
        <translation>验证部署：从参与方 %1（guest）到参与方 %2（host）运行 toy example</translation>
    </message>
    <message>
        <source>Teardown: stop the containers</source>
        <translation>删除部署：停止容器</translation>
    </message>
    <message>
        <source>Teardown: remove the containers</source>
        <translation>删除部署：移除容器</translation>
    </message>
    <message>
        <source>Teardown: remove the containers and the deployment folders</source>
        <translation>删除部署：移除容器并删除部署目录</translation>
    </message>
    <message>
        <source>party %1</source>
        <translation>参与方 %1</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Command: %1</source>
        <translation>命令：%1</translation>
    </message>
    <message numerus="yes">
        <source>cancelled; %n host(s) finished</source>
        <translation>
            <numerusform>已取消；%n 台主机已完成</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n host(s) succeeded in %1</source>
        <translation>
            <numerusform>%n 台主机全部成功，用时 %1</numerusform>
        </translation>
    </message>
    <message>
        <source>failed on %1 (%2 of %3 host(s) succeeded); fix the reason shown in the row, then Retry failed</source>
        <translation>在 %1 上失败（%3 台主机中 %2 台成功）；请排除该行显示的原因，然后点击“重试失败的主机”</translation>
    </message>
    <message>
        <source>The toy example did not run.</source>
        <translation>toy example 未能运行。</translation>
    </message>
    <message>
        <source>Verification cancelled.</source>
        <translation>验证部署已取消。</translation>
    </message>
    <message>
        <source>Could not keep the deployed bundles in %1 for the Render preview: %2</source>
        <translation>无法将已部署的部署包保存到 %1 以供渲染预览使用：%2</translation>
    </message>
    <message>
        <source>Test registry login</source>
        <translation>测试镜像仓库登录</translation>
    </message>
    <message>
        <source>KubeFATE templates</source>
        <translation>KubeFATE 模板</translation>
    </message>
    <message>
        <source>Download</source>
        <translation>下载</translation>
    </message>
    <message>
        <source>The KubeFATE %1 templates are not in the cache; downloading %2</source>
        <translation>KubeFATE %1 模板不在缓存中；正在从 %2 下载</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 / %2</translation>
    </message>
    <message>
        <source>downloaded; sha256 %1 recorded (put it in the project&apos;s template checksum to pin it)</source>
        <translation>已下载；已记录 sha256 %1（写入项目的模板校验和即可固定此版本）</translation>
    </message>
    <message>
        <source>the KubeFATE templates could not be downloaded: %1. Offline, choose a KubeFATE folder or release archive on the Images page.</source>
        <translation>无法下载 KubeFATE 模板：%1。无法联网时，请在“镜像与镜像仓库”页面选择 KubeFATE 目录或发布包。</translation>
    </message>
    <message>
        <source>Apply the change plan</source>
        <translation>应用变更计划</translation>
    </message>
    <message>
        <source>Apply the change plan: remove the hosts of parties that left</source>
        <translation>应用变更计划：删除已退出的参与方（Party）的主机上的部署</translation>
    </message>
    <message>
        <source>The toy grid needs two parties, one of them deployed by this project.</source>
        <translation>toy 网格需要两个参与方，且其中之一由本项目部署。</translation>
    </message>
    <message numerus="yes">
        <source>Toy grid: %n pair(s) of parties</source>
        <translation>
            <numerusform>toy 网格：%n 对参与方</numerusform>
        </translation>
    </message>
    <message>
        <source>toy example</source>
        <translation>toy example</translation>
    </message>
</context>
<context>
    <name>FateDeployer::EngineForm</name>
    <message>
        <source>Change %1</source>
        <comment>undo: change an engine setting</comment>
        <translation>更改%1</translation>
    </message>
    <message>
        <source>Change GPU count</source>
        <translation>更改 GPU 数量</translation>
    </message>
    <message>
        <source>Change compute cores</source>
        <translation>更改计算核数</translation>
    </message>
    <message>
        <source>FATE engine (KubeFATE %1)</source>
        <translation>FATE 引擎（KubeFATE %1）</translation>
    </message>
    <message>
        <source>storing in the system keychain…</source>
        <translation>正在存入系统钥匙串…</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>已存入系统钥匙串</translation>
    </message>
    <message>
        <source>the keychain refused it: %1</source>
        <translation>系统钥匙串拒绝保存：%1</translation>
    </message>
    <message>
        <source>no system keychain: cannot be kept</source>
        <translation>没有系统钥匙串：无法保存</translation>
    </message>
    <message>
        <source>keychain unavailable: %1</source>
        <translation>系统钥匙串不可用：%1</translation>
    </message>
    <message>
        <source>not set: type it to keep it in the system keychain</source>
        <translation>未设置：输入后保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>&amp;Computing:</source>
        <translation>计算引擎(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Federation:</source>
        <translation>联邦通信引擎(&amp;F)：</translation>
    </message>
    <message>
        <source>S&amp;torage:</source>
        <translation>存储引擎(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Algorithm:</source>
        <translation>算法(&amp;A)：</translation>
    </message>
    <message>
        <source>De&amp;vice:</source>
        <translation>设备(&amp;V)：</translation>
    </message>
    <message>
        <source>computing engine</source>
        <translation>计算引擎</translation>
    </message>
    <message>
        <source>federation engine</source>
        <translation>联邦通信引擎</translation>
    </message>
    <message>
        <source>storage engine</source>
        <translation>存储引擎</translation>
    </message>
    <message>
        <source>algorithm</source>
        <translation>算法</translation>
    </message>
    <message>
        <source>device</source>
        <translation>设备</translation>
    </message>
    <message>
        <source>&amp;GPUs:</source>
        <translation>GPU 数量(&amp;G)：</translation>
    </message>
    <message>
        <source>Eggroll: FATE&apos;s own engine; Spark with HDFS and a message queue; Spark_local: Spark in one container with local files</source>
        <translation>Eggroll：FATE 自带的引擎；Spark：配合 HDFS 和消息队列；Spark_local：单个容器中的 Spark，使用本地文件</translation>
    </message>
    <message>
        <source>How parties exchange data; the computing engine decides the choices</source>
        <translation>参与方之间如何交换数据；可选项取决于计算引擎</translation>
    </message>
    <message>
        <source>GPU reserves the given number of NVIDIA devices for fateflow</source>
        <translation>选择 GPU 时为 fateflow 预留指定数量的 NVIDIA 设备</translation>
    </message>
    <message>
        <source>Cores per node for Eggroll&apos;s processors, Spark and fateflow</source>
        <translation>Eggroll 处理进程、Spark 和 fateflow 在每个节点上使用的核数</translation>
    </message>
    <message>
        <source>&amp;MySQL password:</source>
        <translation>MySQL 密码(&amp;M)：</translation>
    </message>
    <message>
        <source>Passwords typed here go to the system keychain only, never into the project file; the bundles get them when they are deployed, because the hosts need them.</source>
        <translation>在此输入的密码只保存在系统钥匙串中，从不写入项目文件；部署时才写进部署包，因为主机需要它们。</translation>
    </message>
    <message>
        <source>Compute cor&amp;es:</source>
        <translation>计算核数(&amp;E)：</translation>
    </message>
    <message>
        <source>FATE-Board pass&amp;word:</source>
        <translation>FATE-Board 密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Serv&amp;ing-admin password:</source>
        <translation>serving-admin 密码(&amp;I)：</translation>
    </message>
</context>
<context>
    <name>FateDeployer::EventHub</name>
    <message numerus="yes">
        <source>… %n line(s) not shown live (output came faster than it could be shown); the run&apos;s full log keeps them</source>
        <translation>
            <numerusform>…… 有 %n 行未能实时显示（输出速度超过了显示速度）；本次运行的完整日志保留了这些行</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FateDeployer::FederationFile</name>
    <message>
        <source>federation file</source>
        <translation>联邦文件</translation>
    </message>
    <message>
        <source>this federation file has format %1, but this FATE Deployer reads up to format %2; please update FATE Deployer</source>
        <translation>该联邦文件的格式版本为 %1，而此版本的 FATE Deployer 最高只能读取格式版本 %2；请升级 FATE Deployer</translation>
    </message>
    <message>
        <source>is not &quot;%1&quot;; is this a federation file?</source>
        <translation>不是“%1”；这是联邦文件吗？</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>party %1 is listed twice</source>
        <translation>参与方 %1 出现了两次</translation>
    </message>
    <message>
        <source>sha256: the content does not match the checksum (file %1, content %2); the file was changed after it was exported; ask the coordinator for the file again</source>
        <translation>sha256：内容与校验和不符（文件记录 %1，实际内容 %2）；文件在导出后被修改过；请向协调方重新索取该文件</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::FederationTransfer</name>
    <message>
        <source>Accept these changes?</source>
        <translation>接受这些变更吗？</translation>
    </message>
    <message>
        <source>Cannot export the party card</source>
        <translation>无法导出参与方名片</translation>
    </message>
    <message>
        <source>Export party card of party %1</source>
        <translation>导出参与方 %1 的参与方名片</translation>
    </message>
    <message>
        <source>Party cards (*.card.json *.json);;All files (*)</source>
        <translation>参与方名片 (*.card.json *.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Party card exported</source>
        <translation>参与方名片已导出</translation>
    </message>
    <message>
        <source>&lt;p&gt;Wrote the card of party %1 to %2: reached at %3:%4, KubeFATE %5. Send it to the federation&apos;s coordinator; it holds no password and no SSH setting.&lt;/p&gt;</source>
        <translation>&lt;p&gt;已将参与方 %1 的名片写入 %2：可达地址 %3:%4，KubeFATE %5。请发送给联邦协调方；名片中不含任何密码或 SSH 设置。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import party card</source>
        <translation>导入参与方名片</translation>
    </message>
    <message>
        <source>Cannot import the party card</source>
        <translation>无法导入参与方名片</translation>
    </message>
    <message>
        <source>Party card</source>
        <translation>参与方名片</translation>
    </message>
    <message>
        <source>&lt;p&gt;Party %1 is already as its card says; nothing changes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;参与方 %1 已与其名片一致，无需变更。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;The card of party %1 changes the project:&lt;/p&gt;</source>
        <translation>&lt;p&gt;参与方 %1 的名片将对项目做如下变更：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import the card of party %1</source>
        <translation>导入参与方 %1 的名片</translation>
    </message>
    <message>
        <source>Export federation file</source>
        <translation>导出联邦文件</translation>
    </message>
    <message>
        <source>Federation files (*.json);;All files (*)</source>
        <translation>联邦文件 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot export the federation file</source>
        <translation>无法导出联邦文件</translation>
    </message>
    <message>
        <source>Export federation revision %1</source>
        <translation>导出联邦修订版 %1</translation>
    </message>
    <message>
        <source>Federation file exported</source>
        <translation>联邦文件已导出</translation>
    </message>
    <message>
        <source>&lt;p&gt;Wrote revision %1 of the federation (%2 parties) to %3.&lt;/p&gt;&lt;p&gt;Its fingerprint — read it to every team, who compare it with what their import shows:&lt;/p&gt;</source>
        <translation>&lt;p&gt;已将联邦修订版 %1（%2 个参与方）写入 %3。&lt;/p&gt;&lt;p&gt;其指纹如下——请念给每个团队，由他们与导入时显示的指纹核对：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import federation file</source>
        <translation>导入联邦文件</translation>
    </message>
    <message>
        <source>Cannot import the federation file</source>
        <translation>无法导入联邦文件</translation>
    </message>
    <message>
        <source>&lt;p&gt;Federation &quot;%1&quot;, revision %2. Compare this fingerprint with the one the coordinator reads out:&lt;/p&gt;</source>
        <translation>&lt;p&gt;联邦“%1”，修订版 %2。请将此指纹与协调方念出的指纹核对：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Federation file</source>
        <translation>联邦文件</translation>
    </message>
    <message>
        <source>&lt;p&gt;Nothing changes.&lt;/p&gt;</source>
        <translation>&lt;p&gt;无任何变更。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Your SSH settings and passwords stay as they are. Changes:&lt;/p&gt;</source>
        <translation>&lt;p&gt;您的 SSH 设置和密码保持不变。变更如下：&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Import federation revision %1</source>
        <translation>导入联邦修订版 %1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::FederationView</name>
    <message>
        <source>Federation picture</source>
        <translation>联邦示意图</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>（无主机）</translation>
    </message>
    <message>
        <source>Add a party to begin.</source>
        <translation>添加参与方以开始。</translation>
    </message>
    <message>
        <source>Party %1 on %2</source>
        <translation>参与方 %1（%2）</translation>
    </message>
    <message>
        <source>Exchange on %1, port %2</source>
        <translation>Exchange（%1，端口 %2）</translation>
    </message>
    <message>
        <source>+ serving</source>
        <translation>+ Serving</translation>
    </message>
    <message>
        <source>+ serving on %1</source>
        <translation>+ Serving 位于 %1</translation>
    </message>
    <message>
        <source>FATE-Serving on %1</source>
        <translation>FATE-Serving 位于 %1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::GuiPrompter</name>
    <message>
        <source>Host key changed</source>
        <translation>主机密钥已变更</translation>
    </message>
    <message>
        <source>New host key</source>
        <translation>新的主机密钥</translation>
    </message>
    <message>
        <source>&lt;b&gt;The host key of %1 (port %2) is not the one recorded in known_hosts.&lt;/b&gt;&lt;br&gt;Someone may be intercepting the connection, or the host was reinstalled. Trust the new key only if its administrator confirms this fingerprint.</source>
        <translation>&lt;b&gt;%1（端口 %2）的主机密钥与 known_hosts 中记录的不一致。&lt;/b&gt;&lt;br&gt;可能有人在拦截连接，也可能该主机已重装。只有在其管理员确认此指纹后，才能信任新密钥。</translation>
    </message>
    <message>
        <source>This is the first connection to &lt;b&gt;%1&lt;/b&gt; (port %2). Compare the fingerprint with the one the host&apos;s administrator gives you (&lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt; on the host).</source>
        <translation>这是首次连接 &lt;b&gt;%1&lt;/b&gt;（端口 %2）。请将指纹与该主机管理员提供的指纹进行比对（在该主机上运行 &lt;tt&gt;ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub&lt;/tt&gt;）。</translation>
    </message>
    <message>
        <source>Key type:</source>
        <translation>密钥类型：</translation>
    </message>
    <message>
        <source>Fingerprint:</source>
        <translation>指纹：</translation>
    </message>
    <message>
        <source>&amp;Trust and remember</source>
        <translation>信任并记住(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Do not connect</source>
        <translation>不连接(&amp;D)</translation>
    </message>
    <message>
        <source>SSH password</source>
        <translation>SSH 密码</translation>
    </message>
    <message>
        <source>Password for &lt;b&gt;%1&lt;/b&gt; on &lt;b&gt;%2&lt;/b&gt;:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 在 &lt;b&gt;%2&lt;/b&gt; 上的密码：</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>密码(&amp;P)：</translation>
    </message>
    <message>
        <source>Key passphrase</source>
        <translation>私钥口令</translation>
    </message>
    <message>
        <source>Passphrase of the private key &lt;b&gt;%1&lt;/b&gt; (to log in to %2):</source>
        <translation>私钥 &lt;b&gt;%1&lt;/b&gt; 的私钥口令（用于登录 %2）：</translation>
    </message>
    <message>
        <source>P&amp;assphrase:</source>
        <translation>私钥口令(&amp;A)：</translation>
    </message>
    <message>
        <source>Registry password</source>
        <translation>镜像仓库密码</translation>
    </message>
    <message>
        <source>Password of &lt;b&gt;%1&lt;/b&gt; for the image registry &lt;b&gt;%2&lt;/b&gt;:</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; 登录镜像仓库 &lt;b&gt;%2&lt;/b&gt; 的密码：</translation>
    </message>
    <message>
        <source>The server asks: %1</source>
        <translation>服务器询问：%1</translation>
    </message>
    <message>
        <source>&amp;Remember in the system keychain</source>
        <translation>记住到系统钥匙串(&amp;R)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>The previous answer was not accepted.</source>
        <translation>上次的输入未被接受。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::GzipMember</name>
    <message>
        <source>cannot write the archive (the destination refused the data)</source>
        <translation>无法写入归档文件（目标拒绝接收数据）</translation>
    </message>
    <message>
        <source>compression failed: %1</source>
        <translation>压缩失败：%1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::HelpDialogs</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Shortcut</source>
        <translation>快捷键</translation>
    </message>
    <message>
        <source>Search in the log</source>
        <translation>在日志中搜索</translation>
    </message>
    <message>
        <source>Next match</source>
        <translation>下一个匹配项</translation>
    </message>
    <message>
        <source>Copy selected log lines</source>
        <translation>复制选中的日志行</translation>
    </message>
    <message>
        <source>About FATE Deployer</source>
        <translation>关于 FATE Deployer</translation>
    </message>
    <message>
        <source>&lt;h3&gt;FATE Deployer %1&lt;/h3&gt;&lt;p&gt;Deploys FATE federations with Docker Compose over SSH, from one deploy machine to every run host.&lt;/p&gt;&lt;p&gt;Built with Qt %2. Licensed under the Apache License 2.0.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;FATE Deployer %1&lt;/h3&gt;&lt;p&gt;通过 SSH 使用 Docker Compose，从一台部署机将 FATE 联邦部署到每台运行机。&lt;/p&gt;&lt;p&gt;基于 Qt %2 构建。采用 Apache License 2.0 许可证。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>FateDeployer::HistoryPage</name>
    <message>
        <source>Started</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Project</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>用时</translation>
    </message>
    <message>
        <source>Failed hosts: %1</source>
        <translation>失败的主机：%1</translation>
    </message>
    <message>
        <source>Log not found</source>
        <translation>找不到日志</translation>
    </message>
    <message>
        <source>Run log %1</source>
        <translation>运行日志 %1</translation>
    </message>
    <message>
        <source>&amp;Open log</source>
        <translation>打开日志(&amp;O)</translation>
    </message>
    <message>
        <source>Hosts</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>failed on %1</source>
        <translation>在 %1 上失败</translation>
    </message>
    <message>
        <source>No runs yet. Deployments, checks and verifications, from the window and from fate-deployer-cli, appear here with their log when they finish.</source>
        <translation>还没有运行记录。窗口和 fate-deployer-cli 中的部署、检查和验证完成后，会连同日志显示在这里。</translation>
    </message>
    <message>
        <source>The history cannot be read: %1</source>
        <translation>无法读取历史记录：%1</translation>
    </message>
    <message>
        <source>The log of run %1 cannot be read from the history: %2</source>
        <translation>无法从历史记录中读取运行 %1 的日志：%2</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
</context>
<context>
    <name>FateDeployer::HistoryStore</name>
    <message>
        <source>cannot create the history folder %1; check its permissions</source>
        <translation>无法创建历史记录文件夹 %1；请检查其权限</translation>
    </message>
    <message>
        <source>schema</source>
        <translation>初始化数据库结构</translation>
    </message>
    <message>
        <source>store run</source>
        <translation>保存运行记录</translation>
    </message>
    <message>
        <source>store host %1</source>
        <translation>保存主机 %1</translation>
    </message>
    <message>
        <source>commit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>list runs</source>
        <translation>列出运行记录</translation>
    </message>
    <message>
        <source>list hosts</source>
        <translation>列出主机</translation>
    </message>
    <message>
        <source>read run</source>
        <translation>读取运行记录</translation>
    </message>
    <message>
        <source>no run %1 in the history; list the runs with &quot;history&quot;</source>
        <translation>历史记录中没有运行记录 %1；请用“history”列出运行记录</translation>
    </message>
    <message>
        <source>Run %1</source>
        <translation>运行记录 %1</translation>
    </message>
    <message>
        <source>read log</source>
        <translation>读取日志</translation>
    </message>
    <message>
        <source>no log of %1 in run %2</source>
        <translation>运行记录 %2 中没有 %1 的日志</translation>
    </message>
</context>
<context>
    <name>FateDeployer::HostRunModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>pending</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>running for %1</source>
        <translation>已运行 %1</translation>
    </message>
    <message>
        <source>done in %1</source>
        <translation>完成，用时 %1</translation>
    </message>
    <message>
        <source>failed after %1</source>
        <translation>失败，用时 %1</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>已跳过</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Failed at “%1”</source>
        <translation>在“%1”步骤失败</translation>
    </message>
    <message>
        <source>Failed at “%1”: %2</source>
        <translation>在“%1”步骤失败：%2</translation>
    </message>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1（%2%）</translation>
    </message>
    <message>
        <source>Waiting</source>
        <translation>等待中</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>Steps</source>
        <translation>步骤</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Time</source>
        <comment>elapsed time of a host&apos;s deployment</comment>
        <translation>用时</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ImagesPage</name>
    <message>
        <source>party %1</source>
        <translation>参与方 %1</translation>
    </message>
    <message>
        <source>exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Change KubeFATE version</source>
        <translation>修改 KubeFATE 版本</translation>
    </message>
    <message>
        <source>Change template source</source>
        <translation>修改模板来源</translation>
    </message>
    <message>
        <source>Change template location</source>
        <translation>修改模板位置</translation>
    </message>
    <message>
        <source>Change template checksum</source>
        <translation>修改模板校验和</translation>
    </message>
    <message>
        <source>Change download mirror</source>
        <translation>修改下载镜像站</translation>
    </message>
    <message>
        <source>Change image prefix</source>
        <translation>修改镜像前缀</translation>
    </message>
    <message>
        <source>Change image tag</source>
        <translation>修改镜像标签</translation>
    </message>
    <message>
        <source>Change base tag</source>
        <translation>修改基础镜像标签</translation>
    </message>
    <message>
        <source>Change builder tag</source>
        <translation>修改构建镜像标签</translation>
    </message>
    <message>
        <source>Change registry address</source>
        <translation>修改镜像仓库地址</translation>
    </message>
    <message>
        <source>Change registry user</source>
        <translation>修改镜像仓库用户</translation>
    </message>
    <message>
        <source>Change registry</source>
        <translation>修改镜像仓库</translation>
    </message>
    <message>
        <source>Downloading the KubeFATE %1 templates…</source>
        <translation>正在下载 KubeFATE %1 模板…</translation>
    </message>
    <message>
        <source>%1 received</source>
        <translation>已接收 %1</translation>
    </message>
    <message>
        <source>present</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>missing: will be pulled</source>
        <translation>缺失：将自动拉取</translation>
    </message>
    <message>
        <source>folder containing docker-deploy/ of KubeFATE</source>
        <translation>KubeFATE 中包含 docker-deploy/ 的文件夹</translation>
    </message>
    <message>
        <source>kubefate-docker-compose-*.tar.gz</source>
        <translation>kubefate-docker-compose-*.tar.gz</translation>
    </message>
    <message>
        <source>empty: download from the mirror or the official release</source>
        <translation>留空：从镜像站或官方发布地址下载</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>(no host)</source>
        <translation>（无主机）</translation>
    </message>
    <message>
        <source>not checked</source>
        <translation>未检查</translation>
    </message>
    <message>
        <source>KubeFATE folder</source>
        <translation>KubeFATE 文件夹</translation>
    </message>
    <message>
        <source>KubeFATE archive</source>
        <translation>KubeFATE 归档文件</translation>
    </message>
    <message>
        <source>Archives (*.tar.gz *.tgz *.tar *.zip)</source>
        <translation>归档文件 (*.tar.gz *.tgz *.tar *.zip)</translation>
    </message>
    <message>
        <source>Folder</source>
        <comment>template source: a local folder</comment>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>Archive</source>
        <comment>template source: a local .tar.gz</comment>
        <translation>归档文件</translation>
    </message>
    <message>
        <source>Download</source>
        <comment>template source: fetched from a URL</comment>
        <translation>下载</translation>
    </message>
    <message>
        <source>asked when needed, kept in the system keychain</source>
        <translation>需要时询问，保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>Download %1 into the template cache</source>
        <translation>将 %1 下载到模板缓存</translation>
    </message>
    <message>
        <source>Storing the password in the system keychain…</source>
        <translation>正在将密码保存到系统钥匙串…</translation>
    </message>
    <message>
        <source>The password is stored in the system keychain, not in the project file.</source>
        <translation>密码保存在系统钥匙串中，不会写入项目文件。</translation>
    </message>
    <message>
        <source>The keychain refused the password: %1. The deployer will ask for it when it pulls.</source>
        <translation>系统钥匙串拒绝保存密码：%1。拉取镜像时将再次询问密码。</translation>
    </message>
    <message>
        <source>stored in the system keychain</source>
        <translation>已保存在系统钥匙串中</translation>
    </message>
    <message>
        <source>not stored</source>
        <translation>未保存</translation>
    </message>
    <message>
        <source>keychain unavailable: asked when needed</source>
        <translation>系统钥匙串不可用：需要时询问</translation>
    </message>
    <message>
        <source>type it to keep it in the system keychain</source>
        <translation>输入后将保存到系统钥匙串</translation>
    </message>
    <message>
        <source>Open a project with at least one party first.</source>
        <translation>请先打开一个至少包含一个参与方的项目。</translation>
    </message>
    <message>
        <source>The images are listed from the rendered compose files: %1</source>
        <translation>镜像列表来自渲染后的 compose 文件：%1</translation>
    </message>
    <message>
        <source>Change images from Docker Hub</source>
        <translation>修改从 Docker Hub 拉取的镜像</translation>
    </message>
    <message>
        <source>KubeFATE %1 templates are ready in %2; sha256 %3 recorded.</source>
        <translation>KubeFATE %1 模板已就绪，位于 %2；已记录 sha256 %3。</translation>
    </message>
    <message>
        <source>Testing the registry and its login from every host…</source>
        <translation>正在从每台主机测试镜像仓库及其登录…</translation>
    </message>
    <message>
        <source>%1: ✔ %2</source>
        <translation>%1：✔ %2</translation>
    </message>
    <message>
        <source>%1: ✘ %2</source>
        <translation>%1：✘ %2</translation>
    </message>
    <message>
        <source>The test did not reach the registry: %1</source>
        <translation>测试未能进行到镜像仓库检查：%1</translation>
    </message>
    <message>
        <source>Checks from every host that the registry answers and accepts the login (stored password, or the host&apos;s own docker login), without deploying.</source>
        <translation>无需部署，从每台主机检查镜像仓库能否访问、是否接受登录（钥匙串中保存的密码，或主机自己的 docker login）。</translation>
    </message>
    <message>
        <source>The KubeFATE %1 templates are not downloaded yet; the images of each host are listed from them.</source>
        <translation>KubeFATE %1 模板尚未下载；每台主机需要的镜像要根据模板列出。</translation>
    </message>
    <message>
        <source>Download now</source>
        <translation>立即下载</translation>
    </message>
    <message>
        <source>With a private registry every image is pulled as address/prefix/name:tag, including mysql and redis unless they are listed under &quot;From Docker Hub&quot;. The password is never stored in the project file.</source>
        <translation>使用私有镜像仓库时，每个镜像都按 地址/前缀/名称:标签 拉取，mysql 和 redis 也不例外，除非它们列在“从 Docker Hub”中。密码绝不保存在项目文件中。</translation>
    </message>
    <message>
        <source>third-party images your registry does not mirror, e.g. mysql, redis</source>
        <translation>镜像仓库没有同步的第三方镜像，例如 mysql, redis</translation>
    </message>
    <message>
        <source>serving of party %1</source>
        <translation>参与方 %1 的 Serving</translation>
    </message>
    <message>
        <source>Change serving tag</source>
        <translation>更改 Serving 镜像标签</translation>
    </message>
    <message>
        <source>Se&amp;rving tag:</source>
        <translation>Serving 镜像标签(&amp;R)：</translation>
    </message>
    <message>
        <source>Tag of the FATE-Serving images (SERVING_TAG of KubeFATE&apos;s .env)</source>
        <translation>FATE-Serving 镜像的标签（KubeFATE .env 中的 SERVING_TAG）</translation>
    </message>
</context>
<context>
    <name>FateDeployer::JobInterpreter</name>
    <message>
        <source>not connected</source>
        <translation>未连接</translation>
    </message>
    <message>
        <source>Fix the connection problem reported above and run again.</source>
        <translation>请解决上面报告的连接问题后重新运行。</translation>
    </message>
    <message>
        <source>unknown step</source>
        <translation>未知步骤</translation>
    </message>
    <message>
        <source>%1: cancelled</source>
        <translation>%1：已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: no answer within the time limit</source>
        <translation>%1：在时限内没有响应</translation>
    </message>
    <message>
        <source>%1: exit status %2</source>
        <translation>%1：退出状态 %2</translation>
    </message>
    <message>
        <source>Read the last output lines, fix the cause on the host and run again.</source>
        <translation>请查看最后几行输出，在主机上排除原因后重新运行。</translation>
    </message>
    <message>
        <source>no connection available</source>
        <translation>没有可用的连接</translation>
    </message>
    <message>
        <source>cannot connect to %1:%2 as %3: %4</source>
        <translation>无法以 %3 身份连接 %1:%2：%4</translation>
    </message>
    <message>
        <source>Check that the host is up and reachable, that SSH listens on port %1 and that user %2 can log in (key, agent or password).</source>
        <translation>请检查主机是否已开机且网络可达、SSH 是否监听端口 %1，以及用户 %2 能否登录（密钥、agent 或密码）。</translation>
    </message>
    <message>
        <source>connected to %1</source>
        <translation>已连接到 %1</translation>
    </message>
    <message>
        <source>Docker is not installed</source>
        <translation>未安装 Docker</translation>
    </message>
    <message>
        <source>Install Docker CE 18.09 or later on the host.</source>
        <translation>请在该主机上安装 Docker CE 18.09 或更高版本。</translation>
    </message>
    <message>
        <source>user %1 may not use Docker</source>
        <translation>用户 %1 无权使用 Docker</translation>
    </message>
    <message>
        <source>Add the user to the docker group (usermod -aG docker %1) and log in again, or deploy as root.</source>
        <translation>请将该用户加入 docker 组（usermod -aG docker %1）后重新登录，或以 root 身份部署。</translation>
    </message>
    <message>
        <source>the Docker service is not running</source>
        <translation>Docker 服务未运行</translation>
    </message>
    <message>
        <source>Start it: systemctl start docker (and systemctl enable docker).</source>
        <translation>请启动该服务：systemctl start docker（并执行 systemctl enable docker）。</translation>
    </message>
    <message>
        <source>docker version failed</source>
        <translation>docker version 执行失败</translation>
    </message>
    <message>
        <source>cannot read the Docker version from &quot;%1&quot;</source>
        <translation>无法从“%1”中读取 Docker 版本</translation>
    </message>
    <message>
        <source>Check the Docker installation on the host.</source>
        <translation>请检查该主机上的 Docker 安装。</translation>
    </message>
    <message>
        <source>Docker %1 is too old</source>
        <translation>Docker %1 版本过旧</translation>
    </message>
    <message>
        <source>Upgrade Docker to 18.09 or later.</source>
        <translation>请将 Docker 升级到 18.09 或更高版本。</translation>
    </message>
    <message>
        <source>Docker %1</source>
        <translation>Docker %1</translation>
    </message>
    <message>
        <source>%1 %2 is too old</source>
        <translation>%1 %2 版本过旧</translation>
    </message>
    <message>
        <source>Install docker-compose 1.24 or later, or the Docker Compose plugin.</source>
        <translation>请安装 docker-compose 1.24 或更高版本，或 Docker Compose 插件。</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>neither docker-compose nor the docker compose plugin is available to %1</source>
        <translation>%1 既无法使用 docker-compose，也无法使用 docker compose 插件</translation>
    </message>
    <message>
        <source>Install docker-compose 1.24 or later (or the Docker Compose plugin) and make sure it is on the PATH of non-interactive SSH sessions.</source>
        <translation>请安装 docker-compose 1.24 或更高版本（或 Docker Compose 插件），并确保它在非交互式 SSH 会话的 PATH 中。</translation>
    </message>
    <message>
        <source>df failed</source>
        <translation>df 执行失败</translation>
    </message>
    <message>
        <source>cannot read the free space</source>
        <translation>无法读取剩余空间</translation>
    </message>
    <message>
        <source>Check that df -Pk works on the host.</source>
        <translation>请检查该主机上 df -Pk 能否正常执行。</translation>
    </message>
    <message>
        <source>%1 MiB free on %2</source>
        <translation>%2 剩余 %1 MiB</translation>
    </message>
    <message>
        <source>not enough space under %1: %2, %3 MiB needed</source>
        <translation>%1 下空间不足：%2，需要 %3 MiB</translation>
    </message>
    <message>
        <source>Free space on %1 (old images: docker image prune; old logs) or choose another base directory.</source>
        <translation>请清理 %1 上的空间（旧镜像：docker image prune；旧日志），或选择其他基础目录。</translation>
    </message>
    <message>
        <source>cannot list the listening ports</source>
        <translation>无法列出正在监听的端口</translation>
    </message>
    <message>
        <source>ports %1 free</source>
        <translation>端口 %1 空闲</translation>
    </message>
    <message>
        <source>ports %1 held by our deployment %2</source>
        <translation>端口 %1 由本工具部署的 %2 占用</translation>
    </message>
    <message>
        <source>port(s) %1 already in use by another program</source>
        <translation>端口 %1 已被其他程序占用</translation>
    </message>
    <message>
        <source>Stop the program that listens on the port (ss -ltnp shows it) or move it; FATE needs these ports on this host.</source>
        <translation>请停止监听该端口的程序（可用 ss -ltnp 查看）或更换其端口；FATE 需要在此主机上使用这些端口。</translation>
    </message>
    <message>
        <source>uname failed</source>
        <translation>uname 执行失败</translation>
    </message>
    <message>
        <source>CPU architecture %1</source>
        <translation>CPU 架构 %1</translation>
    </message>
    <message>
        <source>FATE 1.1 images exist for x86_64 only; use an x86_64 host or images built for %1.</source>
        <translation>FATE 1.1 镜像仅支持 x86_64；请使用 x86_64 主机，或使用为 %1 构建的镜像。</translation>
    </message>
    <message>
        <source>cannot list images</source>
        <translation>无法列出镜像</translation>
    </message>
    <message>
        <source>missing images: %1</source>
        <translation>缺少镜像：%1</translation>
    </message>
    <message>
        <source>They will be pulled at deploy time (slow from Docker Hub); or load them from image archives or a private registry.</source>
        <translation>部署时会自动拉取（从 Docker Hub 拉取较慢）；也可以从镜像归档文件或私有镜像仓库加载。</translation>
    </message>
    <message>
        <source>Docker Hub (no private registry set)</source>
        <translation>Docker Hub（未设置私有镜像仓库）</translation>
    </message>
    <message>
        <source>Check the registry address, DNS, the firewall and any HTTP proxy on the host.</source>
        <translation>请检查镜像仓库地址、DNS、防火墙以及该主机上的 HTTP 代理。</translation>
    </message>
    <message>
        <source>no private registry</source>
        <translation>未使用私有镜像仓库</translation>
    </message>
    <message>
        <source>docker login to %1 failed</source>
        <translation>docker login %1 失败</translation>
    </message>
    <message>
        <source>logged in to %1 as %2</source>
        <translation>已以 %2 身份登录 %1</translation>
    </message>
    <message>
        <source>no image archives chosen</source>
        <translation>未选择镜像归档文件</translation>
    </message>
    <message>
        <source>all images present; nothing to load</source>
        <translation>所有镜像均已存在；无需加载</translation>
    </message>
    <message>
        <source>image archive %1 not found</source>
        <translation>找不到镜像归档文件 %1</translation>
    </message>
    <message>
        <source>Choose an existing docker save file.</source>
        <translation>请选择一个已存在的 docker save 文件。</translation>
    </message>
    <message>
        <source>loading %1</source>
        <translation>正在加载 %1</translation>
    </message>
    <message>
        <source>docker load of %1 failed</source>
        <translation>docker load %1 失败</translation>
    </message>
    <message>
        <source>%1 archive(s) loaded</source>
        <translation>已加载 %1 个归档文件</translation>
    </message>
    <message>
        <source>pull not requested</source>
        <translation>未要求拉取</translation>
    </message>
    <message>
        <source>docker pull %1 failed</source>
        <translation>docker pull %1 失败</translation>
    </message>
    <message>
        <source>Check the image name, the registry login and the host&apos;s internet or registry access; or load the image from an archive.</source>
        <translation>请检查镜像名称、镜像仓库登录，以及该主机能否访问互联网或镜像仓库；也可以从归档文件加载镜像。</translation>
    </message>
    <message>
        <source>%1 image(s) pulled</source>
        <translation>已拉取 %1 个镜像</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>Let user %1 write %2 (or create it as root and chown it).</source>
        <translation>请让用户 %1 可以写入 %2（或以 root 身份创建后用 chown 修改属主）。</translation>
    </message>
    <message>
        <source>bundle %1 was not rendered</source>
        <translation>部署包 %1 尚未渲染</translation>
    </message>
    <message>
        <source>Render the project and run again.</source>
        <translation>请渲染项目后重新运行。</translation>
    </message>
    <message>
        <source>upload of %1 failed: the disk is full</source>
        <translation>上传 %1 失败：磁盘已满</translation>
    </message>
    <message>
        <source>Free space under %1 and run again.</source>
        <translation>请清理 %1 下的空间后重新运行。</translation>
    </message>
    <message>
        <source>upload of %1 failed</source>
        <translation>上传 %1 失败</translation>
    </message>
    <message>
        <source>%1 unpacked (%2 KiB)</source>
        <translation>%1 已解包（%2 KiB）</translation>
    </message>
    <message>
        <source>no compose available</source>
        <translation>没有可用的 Compose</translation>
    </message>
    <message>
        <source>Install docker-compose 1.24 or later.</source>
        <translation>请安装 docker-compose 1.24 或更高版本。</translation>
    </message>
    <message>
        <source>cannot bring the running %1 down</source>
        <translation>无法停止并移除正在运行的 %1</translation>
    </message>
    <message>
        <source>old %1 down (if it ran)</source>
        <translation>已停止并移除旧的 %1（如曾运行）</translation>
    </message>
    <message>
        <source>nothing uploaded</source>
        <translation>未上传任何内容</translation>
    </message>
    <message>
        <source>Run the upload step first.</source>
        <translation>请先执行上传步骤。</translation>
    </message>
    <message>
        <source>folder swap of %1 failed</source>
        <translation>%1 的目录切换失败</translation>
    </message>
    <message>
        <source>%1 in place, previous kept as %1.previous</source>
        <translation>%1 已就位，旧版本保留为 %1.previous</translation>
    </message>
    <message>
        <source>compose up failed: a port is in use</source>
        <translation>compose up 失败：端口已被占用</translation>
    </message>
    <message>
        <source>Free the published ports (run preflight to see which).</source>
        <translation>请释放对外发布的端口（运行部署前检查可查看具体端口）。</translation>
    </message>
    <message>
        <source>compose up failed: an image cannot be pulled</source>
        <translation>compose up 失败：无法拉取镜像</translation>
    </message>
    <message>
        <source>Check the image prefix and tag, the registry login, or load the images from an archive.</source>
        <translation>请检查镜像前缀和标签、镜像仓库登录，或从归档文件加载镜像。</translation>
    </message>
    <message>
        <source>compose up of %1 failed</source>
        <translation>%1 的 compose up 失败</translation>
    </message>
    <message>
        <source>%1 started</source>
        <translation>%1 已启动</translation>
    </message>
    <message>
        <source>cannot read the container states</source>
        <translation>无法读取容器状态</translation>
    </message>
    <message>
        <source>python restarted (%1 times): it waits for MySQL to finish its first-time initialisation</source>
        <translation>python 容器已重启（%1 次）：它在等待 MySQL 完成首次初始化</translation>
    </message>
    <message>
        <source>python keeps restarting after %1 s: MySQL is not ready</source>
        <translation>%1 秒后 python 容器仍在反复重启：MySQL 尚未就绪</translation>
    </message>
    <message>
        <source>MySQL&apos;s first initialisation can take minutes on a slow host: run status again later, or read the mysql container&apos;s log (docker logs) for errors.</source>
        <translation>在较慢的主机上，MySQL 首次初始化可能需要几分钟：请稍后再次查看状态，或查看 mysql 容器的日志（docker logs）排查错误。</translation>
    </message>
    <message>
        <source>not running after %1 s: %2</source>
        <translation>%1 秒后仍未运行：%2</translation>
    </message>
    <message>
        <source>Read the logs of these containers on the host (docker logs) and fix the cause.</source>
        <translation>请在主机上查看这些容器的日志（docker logs）并排除原因。</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1 is not deployed on this host (no containers)</source>
        <translation>%1 未部署在此主机上（没有容器）</translation>
    </message>
    <message>
        <source>Deploy the project.</source>
        <translation>请部署该项目。</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1（缺失）</translation>
    </message>
    <message>
        <source>not running: %1</source>
        <translation>未运行：%1</translation>
    </message>
    <message>
        <source>Read the logs of these containers (docker logs) or deploy again.</source>
        <translation>请查看这些容器的日志（docker logs），或重新部署。</translation>
    </message>
    <message>
        <source>toy example %1 → %2 succeeded</source>
        <translation>toy example %1 → %2 成功</translation>
    </message>
    <message>
        <source>toy example</source>
        <translation>toy example</translation>
    </message>
    <message>
        <source>toy example %1 → %2 failed: %3</source>
        <translation>toy example %1 → %2 失败：%3</translation>
    </message>
    <message>
        <source>Open these ports between the hosts (firewall, security group) and check the exchange&apos;s route table and the party addresses; then verify again.</source>
        <translation>请在主机之间开放这些端口（防火墙、安全组），并检查 Exchange 的路由表和各参与方地址；然后重新验证部署。</translation>
    </message>
    <message>
        <source>unreachable from the guest host: %1</source>
        <translation>guest 主机无法访问：%1</translation>
    </message>
    <message>
        <source>MySQL not ready (%1 is %2)</source>
        <translation>MySQL 尚未就绪（%1 为 %2）</translation>
    </message>
    <message>
        <source>Deploy party %1 first, or check its status.</source>
        <translation>请先部署参与方 %1，或检查其状态。</translation>
    </message>
    <message>
        <source>party %1 is not running</source>
        <translation>参与方 %1 未运行</translation>
    </message>
    <message>
        <source>The federation did not answer in time: check that every party&apos;s proxy (9370) and the exchange (9371) are running and that their route tables name the right addresses; raise the verify timeout on slow hosts.</source>
        <translation>联邦未在规定时间内响应：请检查每个参与方的 proxy（9370）和 Exchange（9371）是否在运行，以及它们的路由表地址是否正确；主机较慢时请调大验证超时。</translation>
    </message>
    <message>
        <source>timeout after %1 s</source>
        <translation>%1 秒后超时</translation>
    </message>
    <message>
        <source>job running time exceeded</source>
        <translation>作业运行超时（job running time exceeded）</translation>
    </message>
    <message>
        <source>Read the toy example&apos;s output above and the python container&apos;s log.</source>
        <translation>请查看上面 toy example 的输出以及 python 容器的日志。</translation>
    </message>
    <message>
        <source>no success line</source>
        <translation>未出现成功信息</translation>
    </message>
    <message>
        <source>%1 of %2 failed</source>
        <translation>%2：%1失败</translation>
    </message>
    <message>
        <source>Files written by containers may belong to root: remove them as root.</source>
        <translation>容器写入的文件可能属于 root：请以 root 身份删除。</translation>
    </message>
    <message>
        <source>%1 removed from %2</source>
        <translation>已从 %2 删除 %1</translation>
    </message>
    <message>
        <source>%1 stopped</source>
        <translation>%1 已停止</translation>
    </message>
    <message>
        <source>%1 down</source>
        <translation>%1 已停止并移除</translation>
    </message>
    <message>
        <source>%1 (known)</source>
        <translation>%1（已记录）</translation>
    </message>
    <message>
        <source>cannot look for compose</source>
        <translation>无法检测 Compose</translation>
    </message>
    <message numerus="yes">
        <source>all %n image(s) present</source>
        <translation>
            <numerusform>全部 %n 个镜像均已存在</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) running and stable</source>
        <translation>
            <numerusform>%n 个容器运行中且状态稳定</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n container(s) running</source>
        <translation>
            <numerusform>%n 个容器正在运行</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2 of %3, %4/s</source>
        <translation>%1：%2 / %3，%4/s</translation>
    </message>
    <message>
        <source>%1: %2, %3/s</source>
        <translation>%1：%2，%3/s</translation>
    </message>
    <message>
        <source>%1: no output and no progress for %2 s (inactivity timeout)</source>
        <translation>%1：%2 秒内无输出也无进展（无活动超时）</translation>
    </message>
    <message>
        <source>%1 version</source>
        <translation>%1 版本</translation>
    </message>
    <message>
        <source>registry %1 answers over %2 (HTTP %3)</source>
        <translation>镜像仓库 %1 通过 %2 响应（HTTP %3）</translation>
    </message>
    <message>
        <source>anonymous pulls from %1 (no registry user set)</source>
        <translation>从 %1 匿名拉取（未设置镜像仓库用户）</translation>
    </message>
    <message>
        <source>image %1 of %2 (%3): %4 of %5 layers, %6 of %7</source>
        <translation>镜像 %1/%2（%3）：%4/%5 层，%6 / %7</translation>
    </message>
    <message>
        <source>If the command is slow but working, raise the inactivity timeout: option --inactivity-timeout of the command line, or &quot;Inactivity timeout&quot; in the window&apos;s settings. Otherwise look on the host for what it waits for.</source>
        <translation>如果命令只是慢但仍在工作，请调大无活动超时：命令行选项 --inactivity-timeout，或窗口设置中的“无活动超时”。否则请在主机上查看它在等待什么。</translation>
    </message>
    <message>
        <source>the staging folder %1 (the next deploy of %2 removes it)</source>
        <translation>暂存目录 %1（下次部署 %2 时会将其删除）</translation>
    </message>
    <message>
        <source>the lock %1/.fd-lock-%2 (the next run takes it over with --break-lock)</source>
        <translation>锁 %1/.fd-lock-%2（下次运行时需用 --break-lock 接管）</translation>
    </message>
    <message>
        <source>Clean-up on the host was skipped because the connection is lost; left there: %1.</source>
        <translation>由于连接已断开，已跳过主机上的清理；留在主机上的有：%1。</translation>
    </message>
    <message>
        <source>The connection is lost: the registry login of this run stays in %1 on the host (readable by its user only); remove it there.</source>
        <translation>连接已断开：本次运行的镜像仓库登录信息仍保存在主机的 %1 中（仅其所属用户可读）；请在主机上将其删除。</translation>
    </message>
    <message>
        <source>registry login of this run removed from the host (%1)</source>
        <translation>已从主机删除本次运行的镜像仓库登录信息（%1）</translation>
    </message>
    <message>
        <source>could not remove %1 (the registry login of this run) from the host; remove it there</source>
        <translation>无法从主机删除 %1（本次运行的镜像仓库登录信息）；请在主机上将其删除</translation>
    </message>
    <message>
        <source>%1: %2 (exit status %3)</source>
        <translation>%1：%2（退出码 %3）</translation>
    </message>
    <message>
        <source>The file system holding %1 is mounted read-only on the host (see the last lines): remount it read-write (or fix the disk it reports) or choose another base directory, then run again.</source>
        <translation>%1 所在的文件系统在主机上以只读方式挂载（见最后几行输出）：请将其重新挂载为可读写（或修复其报告的磁盘问题），或选择其他部署目录，然后重新运行。</translation>
    </message>
    <message>
        <source>The host is up; its key is not known yet. Compare the fingerprint above with the host&apos;s own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub on %1), then accept it: confirm it when the window asks, or run the CLI on a terminal (it asks) or with --accept-new-host-keys.</source>
        <translation>主机在线；只是其主机密钥尚未记录。请将上面的指纹与主机自己的指纹（在 %1 上运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）核对，然后接受该密钥：在窗口询问时确认，或在终端中运行 CLI（它会询问），或加上 --accept-new-host-keys。</translation>
    </message>
    <message>
        <source>Nothing was sent. Ask the administrator of %1 whether its key really changed (reinstall); only then remove the old entry with ssh-keygen -R and accept the new key.</source>
        <translation>未发送任何数据。请先向 %1 的管理员确认其主机密钥是否确实已变更（例如重装系统）；确认后再用 ssh-keygen -R 删除旧条目并接受新密钥。</translation>
    </message>
    <message>
        <source>connected to %1; %2 locked for this run</source>
        <translation>已连接到 %1；已为本次运行锁定 %2</translation>
    </message>
    <message>
        <source>taking over the lock %1 of run %2</source>
        <translation>正在接管运行 %2 的锁 %1</translation>
    </message>
    <message>
        <source>%1 of project &quot;%2&quot; by %3@%4 (process %5, connected from %6), started %7 (run %8)</source>
        <translation>项目“%2”的%1，由 %3@%4 发起（进程 %5，来自 %6），开始于 %7（运行 %8）</translation>
    </message>
    <message>
        <source>%1 on this host is in use by another run: %2</source>
        <translation>该主机上的 %1 正被另一次运行使用：%2</translation>
    </message>
    <message>
        <source>The lock looks stale (%1). If nobody is running FATE Deployer on this host, take it over with --break-lock (fate-deployer-cli), or remove %2 on the host.</source>
        <translation>该锁看起来已过期（%1）。如果没有人在这台主机上运行 FATE Deployer，请用 --break-lock（fate-deployer-cli）接管它，或在主机上删除 %2。</translation>
    </message>
    <message>
        <source>its process on this machine is gone</source>
        <translation>它在本机上的进程已不存在</translation>
    </message>
    <message>
        <source>taken %1 s ago</source>
        <translation>于 %1 秒前获取</translation>
    </message>
    <message>
        <source>Wait until that run has finished (or cancel it there), then run again. A lock is only taken over when stale: older than %1 s or left by a process that is gone.</source>
        <translation>请等待那次运行结束（或在那里取消它），然后重新运行。只有过期的锁才会被接管：超过 %1 秒，或其进程已不存在。</translation>
    </message>
    <message>
        <source>cannot take the lock %1</source>
        <translation>无法获取锁 %1</translation>
    </message>
    <message>
        <source>Check that user %1 may write to %2 (read-only file system, permissions, disk full).</source>
        <translation>请检查用户 %1 是否可以写入 %2（只读文件系统、权限、磁盘已满）。</translation>
    </message>
    <message>
        <source>lock %1 taken (run %2)</source>
        <translation>已获取锁 %1（运行 %2）</translation>
    </message>
    <message>
        <source>lock %1/.fd-lock-%2 released</source>
        <translation>已释放锁 %1/.fd-lock-%2</translation>
    </message>
    <message>
        <source>could not release the lock %1/.fd-lock-%2: %3; the next run from another process needs --break-lock</source>
        <translation>无法释放锁 %1/.fd-lock-%2：%3；其他进程的下一次运行需要使用 --break-lock</translation>
    </message>
    <message>
        <source>exit status %1</source>
        <translation>退出码 %1</translation>
    </message>
    <message>
        <source>cannot create a private Docker configuration folder for the registry login</source>
        <translation>无法为镜像仓库登录创建私有的 Docker 配置目录</translation>
    </message>
    <message>
        <source>Check that mktemp works and /tmp (or $TMPDIR) is writable on the host.</source>
        <translation>请检查主机上 mktemp 是否可用，以及 /tmp（或 $TMPDIR）是否可写。</translation>
    </message>
    <message>
        <source>the password stored in the keychain</source>
        <translation>系统钥匙串中保存的密码</translation>
    </message>
    <message>
        <source>the password from %1</source>
        <translation>来自 %1 的密码</translation>
    </message>
    <message>
        <source>docker login to %1 failed: the host cannot resolve the name %2</source>
        <translation>登录镜像仓库 %1 失败：主机无法解析域名 %2</translation>
    </message>
    <message>
        <source>Check the registry address in the project and the host&apos;s DNS (/etc/resolv.conf, getent hosts %1). The password was not checked: the registry was never reached.</source>
        <translation>请检查项目中的镜像仓库地址以及主机的 DNS（/etc/resolv.conf，getent hosts %1）。密码尚未被校验：根本没有连上镜像仓库。</translation>
    </message>
    <message>
        <source>docker login to %1 failed: the registry cannot be reached</source>
        <translation>登录镜像仓库 %1 失败：无法连接到镜像仓库</translation>
    </message>
    <message>
        <source>Check that the registry runs and that this host may reach it (firewall, proxy). The password was not checked: the registry was never reached.</source>
        <translation>请检查镜像仓库是否在运行，以及该主机能否访问它（防火墙、代理）。密码尚未被校验：根本没有连上镜像仓库。</translation>
    </message>
    <message>
        <source>docker login to %1 failed: its TLS certificate is not trusted</source>
        <translation>登录镜像仓库 %1 失败：其 TLS 证书不受信任</translation>
    </message>
    <message>
        <source>Install the registry&apos;s CA as /etc/docker/certs.d/%1/ca.crt on the host, or list the registry under insecure-registries in /etc/docker/daemon.json.</source>
        <translation>请在主机上将镜像仓库的 CA 证书安装为 /etc/docker/certs.d/%1/ca.crt，或在 /etc/docker/daemon.json 的 insecure-registries 中列出该镜像仓库。</translation>
    </message>
    <message>
        <source>docker login to %1 failed: user %2 or the password was refused</source>
        <translation>登录镜像仓库 %1 失败：用户 %2 或密码被拒绝</translation>
    </message>
    <message>
        <source>Check the registry user %1 and %2.</source>
        <translation>请检查镜像仓库用户 %1 以及%2。</translation>
    </message>
    <message>
        <source>Read the last output lines; check the registry address, the user %1 and %2.</source>
        <translation>请阅读最后几行输出；检查镜像仓库地址、用户 %1 以及%2。</translation>
    </message>
    <message>
        <source>cannot probe registry %1</source>
        <translation>无法探测镜像仓库 %1</translation>
    </message>
    <message>
        <source>registry %1 not checked: the host has no curl</source>
        <translation>未检查镜像仓库 %1：主机上没有 curl</translation>
    </message>
    <message>
        <source>Install curl on the host to let preflight check the registry and its login.</source>
        <translation>请在主机上安装 curl，以便部署前检查能检查镜像仓库及其登录。</translation>
    </message>
    <message>
        <source>HTTPS or HTTP (an insecure registry of this host&apos;s Docker)</source>
        <translation>HTTPS 或 HTTP（该主机 Docker 配置的 insecure 镜像仓库）</translation>
    </message>
    <message>
        <source>HTTPS (the host&apos;s Docker does not list it as insecure)</source>
        <translation>HTTPS（该主机的 Docker 未将其列为 insecure 镜像仓库）</translation>
    </message>
    <message>
        <source>registry %1: reachable, but its certificate is not trusted on this host</source>
        <translation>镜像仓库 %1：可以访问，但该主机不信任它的证书</translation>
    </message>
    <message>
        <source>Install the registry&apos;s CA certificate as /etc/docker/certs.d/%1/ca.crt on the host, or list the registry under insecure-registries in /etc/docker/daemon.json.</source>
        <translation>请把镜像仓库的 CA 证书放到主机上的 /etc/docker/certs.d/%1/ca.crt，或者在 /etc/docker/daemon.json 的 insecure-registries 中列出该镜像仓库。</translation>
    </message>
    <message>
        <source>registry %1 is not reachable from this host over %2</source>
        <translation>从该主机无法通过 %2 访问镜像仓库 %1</translation>
    </message>
    <message>
        <source>Check the registry address, DNS, the firewall and any HTTP proxy on the host. A plain-HTTP registry must be listed under insecure-registries in the host&apos;s /etc/docker/daemon.json.</source>
        <translation>请检查镜像仓库地址、DNS、防火墙以及主机上的 HTTP 代理。明文 HTTP 的镜像仓库必须列在主机 /etc/docker/daemon.json 的 insecure-registries 中。</translation>
    </message>
    <message>
        <source>%1, but asks for a login and the project names no registry user</source>
        <translation>%1，但它要求登录，而项目中没有指定镜像仓库用户</translation>
    </message>
    <message>
        <source>Enter the registry user in the project (Images page) and store its password.</source>
        <translation>请在项目中（“镜像与镜像仓库”页面）填写镜像仓库用户，并保存其密码。</translation>
    </message>
    <message>
        <source>%1; anonymous pulls allowed</source>
        <translation>%1；允许匿名拉取</translation>
    </message>
    <message>
        <source>%1; this host is already logged in and the registry accepts that login</source>
        <translation>%1；该主机已经登录，镜像仓库接受该登录</translation>
    </message>
    <message>
        <source>%1; the registry accepts the credentials of user %2</source>
        <translation>%1；镜像仓库接受用户 %2 的凭据</translation>
    </message>
    <message>
        <source>%1, but rejects the login stored on this host (~/.docker/config.json)</source>
        <translation>%1，但拒绝该主机上保存的登录（~/.docker/config.json）</translation>
    </message>
    <message>
        <source>%1, but rejects the credentials of user %2</source>
        <translation>%1，但拒绝用户 %2 的凭据</translation>
    </message>
    <message>
        <source>Store the registry password in the keychain (Images page) so deploy logs in again, or run docker login on the host.</source>
        <translation>请把镜像仓库密码保存到系统钥匙串（“镜像与镜像仓库”页面），部署时会重新登录；或者在主机上执行 docker login。</translation>
    </message>
    <message>
        <source>%1; the login could not be checked (HTTP %2 with credentials)</source>
        <translation>%1；无法检查登录（带凭据访问返回 HTTP %2）</translation>
    </message>
    <message>
        <source>The registry may use token authentication; deploy will try docker login.</source>
        <translation>该镜像仓库可能使用令牌认证；部署时会尝试 docker login。</translation>
    </message>
    <message>
        <source>%1; this host is already logged in (a credential helper holds the login)</source>
        <translation>%1；该主机已经登录（登录信息由凭据助手保存）</translation>
    </message>
    <message>
        <source>%1, but no password is stored for registry user %2 and this host is not logged in</source>
        <translation>%1，但没有保存镜像仓库用户 %2 的密码，该主机也没有登录</translation>
    </message>
    <message>
        <source>Store the registry password in the keychain (Images page), or run docker login on the host.</source>
        <translation>请把镜像仓库密码保存到系统钥匙串（“镜像与镜像仓库”页面），或者在主机上执行 docker login。</translation>
    </message>
    <message>
        <source>already logged in to %1 on this host (~/.docker/config.json); no login needed</source>
        <translation>该主机已登录 %1（~/.docker/config.json）；无需再次登录</translation>
    </message>
    <message>
        <source>cannot check the host&apos;s registry login</source>
        <translation>无法检查主机的镜像仓库登录</translation>
    </message>
    <message>
        <source>no password stored for registry user %1, and this host is not logged in to %2</source>
        <translation>没有保存镜像仓库用户 %1 的密码，该主机也没有登录 %2</translation>
    </message>
    <message>
        <source>Store the registry password in the keychain (Images page) and run again, or run docker login on the host.</source>
        <translation>请把镜像仓库密码保存到系统钥匙串（“镜像与镜像仓库”页面）后重新运行，或者在主机上执行 docker login。</translation>
    </message>
    <message>
        <source>Check the registry user and the password stored in the keychain.</source>
        <translation>请检查镜像仓库用户名以及系统钥匙串中保存的密码。</translation>
    </message>
    <message>
        <source>%1 keeps running: only route tables changed</source>
        <translation>%1 保持运行：仅路由表有变更</translation>
    </message>
    <message>
        <source>restart of %1 in %2 failed</source>
        <translation>重启 %2 中的 %1 失败</translation>
    </message>
    <message>
        <source>%1 restarted (new route table)</source>
        <translation>%1 已重启（新路由表）</translation>
    </message>
    <message>
        <source>Docker %1 is too old for KubeFATE %2</source>
        <translation>Docker %1 版本过旧，不适用于 KubeFATE %2</translation>
    </message>
    <message>
        <source>Upgrade Docker to 19.03 or later (with the Docker Compose plugin).</source>
        <translation>请将 Docker 升级到 19.03 或更高版本（并安装 Docker Compose 插件）。</translation>
    </message>
    <message>
        <source>the Docker Compose plugin (docker compose) is not available to %1; KubeFATE %2 needs it</source>
        <translation>%1 无法使用 Docker Compose 插件（docker compose）；KubeFATE %2 需要它</translation>
    </message>
    <message>
        <source>Install the Docker Compose plugin (docker-compose-plugin, version 2) on the host; docker-compose 1.x is not enough for this KubeFATE version.</source>
        <translation>请在主机上安装 Docker Compose 插件（docker-compose-plugin，版本 2）；此 KubeFATE 版本不能只用 docker-compose 1.x。</translation>
    </message>
    <message>
        <source>Install the Docker Compose plugin 2.0 or later.</source>
        <translation>请安装 Docker Compose 插件 2.0 或更高版本。</translation>
    </message>
    <message>
        <source>cannot pack the password files of %1: %2</source>
        <translation>无法打包 %1 的密码文件：%2</translation>
    </message>
    <message>
        <source>upload of the password files of %1 failed</source>
        <translation>上传 %1 的密码文件失败</translation>
    </message>
    <message>
        <source>cannot remove the volumes of the old %1</source>
        <translation>无法删除旧 %1 的数据卷</translation>
    </message>
    <message>
        <source>old %1 down (if it ran), volumes %2 removed</source>
        <translation>旧的 %1 已停止（如曾运行），数据卷 %2 已删除</translation>
    </message>
    <message>
        <source>%1 (health: %2)</source>
        <translation>%1（健康状态：%2）</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>flow test toy succeeded: %1</source>
        <translation>flow test toy 成功：%1</translation>
    </message>
    <message>
        <source>Wait until MySQL has initialised (%1 stops restarting; see status), then verify again.</source>
        <translation>请等待 MySQL 初始化完成（%1 容器不再重启；可查看状态），然后重新验证部署。</translation>
    </message>
    <message>
        <source>Read fateflow&apos;s log (docker logs) on the guest&apos;s host; its health check must pass before jobs run. Run status to follow it, then verify again.</source>
        <translation>请查看 guest 主机上 fateflow 的日志（docker logs）；健康检查通过后才能运行作业。可通过状态跟踪，然后重新验证部署。</translation>
    </message>
    <message>
        <source>fateflow of party %1 is not healthy (%2)</source>
        <translation>参与方 %1 的 fateflow 不健康（%2）</translation>
    </message>
    <message>
        <source>no matrix in this run</source>
        <translation>本次运行没有连通性矩阵</translation>
    </message>
    <message>
        <source>port %1 is served by our deployment %2</source>
        <translation>端口 %1 由本项目的部署 %2 提供服务</translation>
    </message>
    <message>
        <source>port %1 is already in use by another program</source>
        <translation>端口 %1 已被其他程序占用</translation>
    </message>
    <message>
        <source>Stop the program that listens on the port (ss -ltnp shows it) or move it; FATE needs this port on this host.</source>
        <translation>请停止或迁移监听该端口的程序（ss -ltnp 可查看）；FATE 在此主机上需要这个端口。</translation>
    </message>
    <message>
        <source>cannot open a test listener on port %1</source>
        <translation>无法在端口 %1 上打开测试监听程序</translation>
    </message>
    <message>
        <source>The host needs python, nc or busybox, or Docker with an image holding one of them; install one, or load FATE&apos;s images first.</source>
        <translation>主机需要 python、nc 或 busybox，或者带有包含其中之一的镜像的 Docker；请安装其中之一，或先加载 FATE 镜像。</translation>
    </message>
    <message>
        <source>test listener on port %1 (%2) for %3 s</source>
        <translation>端口 %1 上的测试监听程序（%2），持续 %3 秒</translation>
    </message>
    <message numerus="yes">
        <source>%n path(s) reachable</source>
        <translation>
            <numerusform>%n 条路径可达</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 of %2 path(s) not reachable</source>
        <translation>%2 条路径中有 %1 条不可达</translation>
    </message>
    <message>
        <source>See the matrix: each cell names the fix.</source>
        <translation>请查看连通性矩阵：每个单元格都给出了修复方法。</translation>
    </message>
    <message>
        <source>no test listener to close</source>
        <translation>没有需要关闭的测试监听程序</translation>
    </message>
    <message>
        <source>cannot close the test listener %1</source>
        <translation>无法关闭测试监听程序 %1</translation>
    </message>
    <message>
        <source>It ends on its own after %1 s.</source>
        <translation>它会在 %1 秒后自行结束。</translation>
    </message>
    <message>
        <source>test listener closed</source>
        <translation>测试监听程序已关闭</translation>
    </message>
    <message>
        <source>no deployment of %1 recorded on this computer</source>
        <translation>本机没有 %1 的部署记录</translation>
    </message>
    <message>
        <source>Drift compares a host with what this computer deployed there last; deploy first.</source>
        <translation>配置偏差检查将主机与本机上次在其上部署的内容进行比较；请先部署。</translation>
    </message>
    <message>
        <source>cannot read the files of %1</source>
        <translation>无法读取 %1 的文件</translation>
    </message>
    <message>
        <source>cannot list the containers of %1</source>
        <translation>无法列出 %1 的容器</translation>
    </message>
    <message numerus="yes">
        <source>no drift: %n file(s) and the containers as deployed %1</source>
        <translation>
            <numerusform>无偏差：%n 个文件及容器与 %1 的部署一致</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n difference(s) from the deployment of %1</source>
        <translation>
            <numerusform>与 %1 的部署相比有 %n 处差异</numerusform>
        </translation>
    </message>
    <message>
        <source>Deploy again to put the deployed files and containers back, or keep the change in the project and deploy it.</source>
        <translation>请重新部署以恢复已部署的文件和容器，或将改动写入项目后再部署。</translation>
    </message>
    <message>
        <source>no previous bundle of %1 on this host: nothing to roll back to</source>
        <translation>此主机上没有 %1 的上一个部署包：无法回滚</translation>
    </message>
    <message>
        <source>A previous bundle is kept from the second deployment on; deploy the configuration you want instead.</source>
        <translation>从第二次部署起才会保留上一个部署包；请直接部署您需要的配置。</translation>
    </message>
    <message>
        <source>cannot look for the previous bundle</source>
        <translation>无法查找上一个部署包</translation>
    </message>
    <message>
        <source>restoring %1.previous failed</source>
        <translation>恢复 %1.previous 失败</translation>
    </message>
    <message>
        <source>%1.previous is %1 again; the replaced one is kept as %1.previous</source>
        <translation>%1.previous 已恢复为 %1；被替换的部署包保留为 %1.previous</translation>
    </message>
    <message>
        <source>party %1</source>
        <translation>参与方 %1</translation>
    </message>
    <message>
        <source>the exchange</source>
        <translation>Exchange 交换组件</translation>
    </message>
    <message>
        <source>Open these ports between the hosts (firewall, security group) and check the parties&apos; OSX route tables (confs/osx/conf/route_table.json) and addresses; then verify again.</source>
        <translation>请在主机之间开放这些端口（防火墙、安全组），并检查各参与方的 OSX 路由表（confs/osx/conf/route_table.json）和地址；然后重新验证部署。</translation>
    </message>
    <message>
        <source>The federation did not answer in time: check that every party&apos;s OSX (9370) is running and that the OSX route tables name the right addresses; raise the verify timeout on slow hosts.</source>
        <translation>联邦未在规定时间内响应：请检查每个参与方的 OSX（9370）是否在运行，以及 OSX 路由表中的地址是否正确；主机较慢时请调大验证超时。</translation>
    </message>
    <message>
        <source>Read the job&apos;s logs: in the guest&apos;s client container run %1, or read fateflow&apos;s log.</source>
        <translation>请查看该作业的日志：在 guest 的 client 容器中运行 %1，或查看 fateflow 的日志。</translation>
    </message>
    <message>
        <source>the toy job %1 ended as %2</source>
        <translation>toy 作业 %1 以 %2 结束</translation>
    </message>
</context>
<context>
    <name>FateDeployer::JsonFields</name>
    <message>
        <source>not a %1: the file is %2 bytes long (at most %3 are accepted)</source>
        <translation>不是有效的%1：文件大小为 %2 字节（最多允许 %3 字节）</translation>
    </message>
    <message>
        <source>not a %1: %2 at byte %3</source>
        <translation>不是有效的%1：第 %3 字节处%2</translation>
    </message>
    <message>
        <source>not a %1: the top level must be a JSON object</source>
        <translation>不是有效的%1：顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>is missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>is %1 characters long (at most %2 are accepted)</source>
        <translation>长度为 %1 个字符（最多允许 %2 个）</translation>
    </message>
    <message>
        <source>must not contain control characters</source>
        <translation>不能包含控制字符</translation>
    </message>
    <message>
        <source>must not be empty</source>
        <translation>不能为空</translation>
    </message>
    <message>
        <source>must be a whole number between %1 and %2</source>
        <translation>必须是 %1 到 %2 之间的整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>has %1 entries (at most %2 are accepted)</source>
        <translation>有 %1 项（最多允许 %2 项）</translation>
    </message>
    <message>
        <source>unknown field(s) %1; the file was written by a newer or another program</source>
        <translation>未知字段 %1；该文件由更新版本或其他程序写出</translation>
    </message>
</context>
<context>
    <name>FateDeployer::JumpTunnel</name>
    <message>
        <source>the jump host %1 could not open a connection to %2 port %3 (%4). Check that the jump host can reach the target and allows TCP forwarding.</source>
        <translation>跳板机 %1 无法打开到 %2 端口 %3 的连接（%4）。请检查跳板机能否访问目标主机，以及是否允许 TCP 转发。</translation>
    </message>
    <message>
        <source>could not create a local socket pair: %1</source>
        <translation>无法创建本地套接字对：%1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::KeychainSecretStore</name>
    <message>
        <source>The keychain did not answer within a minute; the secret for %1 could not be read.</source>
        <translation>系统钥匙串一分钟内没有响应；无法读取 %1 的密码。</translation>
    </message>
    <message>
        <source>Could not read %1 from the keychain: %2</source>
        <translation>无法从系统钥匙串读取 %1：%2</translation>
    </message>
    <message>
        <source>The keychain did not answer within a minute; %1 was not stored.</source>
        <translation>系统钥匙串一分钟内没有响应；%1 未保存。</translation>
    </message>
    <message>
        <source>Could not store %1 in the keychain: %2</source>
        <translation>无法将 %1 保存到系统钥匙串：%2</translation>
    </message>
    <message>
        <source>The keychain did not answer within a minute; %1 was not removed.</source>
        <translation>系统钥匙串一分钟内没有响应；%1 未删除。</translation>
    </message>
    <message>
        <source>Could not remove %1 from the keychain: %2</source>
        <translation>无法从系统钥匙串删除 %1：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::KubefateExporter</name>
    <message>
        <source>the project has errors; fix them before exporting:
%1</source>
        <translation>项目有错误；请先修复再导出：
%1</translation>
    </message>
    <message>
        <source>KubeFATE %1 reads %2, not %3; export with --format %4 or change templates.kubefateVersion</source>
        <translation>KubeFATE %1 读取的是 %2，而不是 %3；请使用 --format %4 导出，或修改 templates.kubefateVersion</translation>
    </message>
    <message>
        <source>deploy.sshPort: KubeFATE %1 always connects to port 22; %2 is not exported</source>
        <translation>deploy.sshPort：KubeFATE %1 始终连接 22 端口；%2 不会被导出</translation>
    </message>
    <message>
        <source>images.prefix: KubeFATE %1 always uses federatedai; &quot;%2&quot; is not exported</source>
        <translation>images.prefix：KubeFATE %1 始终使用 federatedai；“%2”不会被导出</translation>
    </message>
    <message>
        <source>images.baseTag, images.builderTag: KubeFATE %1 has one TAG; only images.tag is exported</source>
        <translation>images.baseTag、images.builderTag：KubeFATE %1 只有一个 TAG；仅导出 images.tag</translation>
    </message>
    <message>
        <source>parties[%1].ssh: KubeFATE&apos;s files have one SSH user and port for all hosts; the per-host SSH settings are not exported</source>
        <translation>parties[%1].ssh：KubeFATE 的配置文件中所有主机共用一个 SSH 用户和端口；各主机单独的 SSH 设置不会被导出</translation>
    </message>
    <message>
        <source>parties[%1].dir: KubeFATE&apos;s files have one dir for all hosts; &quot;%2&quot; is not exported</source>
        <translation>parties[%1].dir：KubeFATE 的配置文件中所有主机共用一个 dir；“%2”不会被导出</translation>
    </message>
    <message>
        <source>exchange.ssh: the per-host SSH settings of the exchange are not exported</source>
        <translation>exchange.ssh：Exchange 主机单独的 SSH 设置不会被导出</translation>
    </message>
    <message>
        <source>exchange.dir: KubeFATE&apos;s files have one dir for all hosts; &quot;%1&quot; is not exported</source>
        <translation>exchange.dir：KubeFATE 的配置文件中所有主机共用一个 dir；“%1”不会被导出</translation>
    </message>
    <message>
        <source>exchange.port: KubeFATE always publishes the exchange on port 9371; %1 is not exported</source>
        <translation>exchange.port：KubeFATE 始终在 9371 端口发布 Exchange；%1 不会被导出</translation>
    </message>
    <message>
        <source>deploy.baseDir: KubeFATE&apos;s scripts use $dir without quotes, so &quot;%1&quot; (spaces or shell characters) breaks them; it is exported quoted as it is</source>
        <translation>deploy.baseDir：KubeFATE 的脚本使用 $dir 时未加引号，因此“%1”（含空格或 shell 特殊字符）会导致脚本出错；导出时按原样加引号</translation>
    </message>
    <message>
        <source>Written by FATE Deployer for KubeFATE %1.</source>
        <translation>由 FATE Deployer 为 KubeFATE %1 生成。</translation>
    </message>
    <message>
        <source>Written by FATE Deployer for KubeFATE %1 from the project &quot;%2&quot;.</source>
        <translation>由 FATE Deployer 根据项目“%2”为 KubeFATE %1 生成。</translation>
    </message>
    <message>
        <source>Put this file in docker-deploy/ and the .env in the repository root.</source>
        <translation>请将此文件放入 docker-deploy/，将 .env 放在仓库根目录。</translation>
    </message>
    <message>
        <source>registry.uri: KubeFATE 1.1.0 uses THIRDPARTYPREFIX only when docker-auto-deploy.sh is run with the useThirdParty argument</source>
        <translation>registry.uri：只有以 useThirdParty 参数运行 docker-auto-deploy.sh 时，KubeFATE 1.1.0 才会使用 THIRDPARTYPREFIX</translation>
    </message>
    <message>
        <source>Put this file and the .env in docker-deploy/.</source>
        <translation>请将此文件和 .env 放入 docker-deploy/。</translation>
    </message>
    <message>
        <source>FATE-Serving is not managed by FATE Deployer; KubeFATE v1.4 expects one serving host per party.</source>
        <translation>FATE Deployer 不管理 FATE-Serving；KubeFATE v1.4 要求每个参与方有一台 serving 主机。</translation>
    </message>
    <message>
        <source>PREFIX is only read by the exchange&apos;s compose file (it is missing upstream).</source>
        <translation>PREFIX 仅由 Exchange 的 compose 文件读取（上游缺少该变量）。</translation>
    </message>
    <message>
        <source>%1: exists and is not a folder</source>
        <translation>%1：已存在且不是文件夹</translation>
    </message>
    <message>
        <source>%1 already exists; nothing was written (use --force to overwrite)</source>
        <translation>%1 已存在；未写入任何内容（使用 --force 覆盖）</translation>
    </message>
    <message>
        <source>%1: cannot create the folder</source>
        <translation>%1：无法创建文件夹</translation>
    </message>
    <message>
        <source>%1: cannot write: %2</source>
        <translation>%1：无法写入：%2</translation>
    </message>
    <message>
        <source>parties[].servingHost: KubeFATE&apos;s serving_ip_list has a host for every party or for none; the serving hosts are not exported because some parties have none</source>
        <translation>parties[].servingHost：KubeFATE 的 serving_ip_list 要么为每个参与方都指定主机，要么都不指定；由于部分参与方没有 serving 主机，serving 主机未导出</translation>
    </message>
    <message>
        <source>Passwords are KubeFATE&apos;s own defaults, not taken from the project: FATE Deployer keeps passwords in the keychain only. Change them before a production deployment.</source>
        <translation>密码为 KubeFATE 自带的默认值，并非取自项目：FATE Deployer 只在系统钥匙串中保存密码。用于生产部署前请修改这些密码。</translation>
    </message>
    <message>
        <source>%1: cannot update it in place: %2</source>
        <translation>%1：无法就地更新：%2</translation>
    </message>
    <message>
        <source>%1:%2: %3 shares its line with other statements or spans several lines; it cannot be updated in place — export into an empty folder instead</source>
        <translation>%1:%2：%3 与其他语句位于同一行，或跨越多行，无法就地更新——请改为导出到空文件夹</translation>
    </message>
    <message>
        <source>%1: cannot read: %2</source>
        <translation>%1：无法读取：%2</translation>
    </message>
    <message>
        <source>the files in the folder do not read back as the project after the update (%1); export into an empty folder instead</source>
        <translation>更新后文件夹中的文件读回的内容与项目不一致（%1）；请改为导出到空文件夹</translation>
    </message>
    <message>
        <source>other values</source>
        <translation>值不同</translation>
    </message>
</context>
<context>
    <name>FateDeployer::KubefateImporter</name>
    <message>
        <source>%1: no .env found next to it (or, for docker-configuration.sh, in the folder above); image settings keep their defaults — pass --env FILE to read one</source>
        <translation>%1：同目录下（对于 docker-configuration.sh 则为上一级目录）未找到 .env；镜像设置保持默认值——可用 --env FILE 指定要读取的文件</translation>
    </message>
    <message>
        <source>%1: has no variable assignments (is the file empty?); expected KubeFATE&apos;s docker-configuration.sh or parties.conf</source>
        <translation>%1：没有任何变量赋值（文件是否为空？）；应为 KubeFATE 的 docker-configuration.sh 或 parties.conf</translation>
    </message>
    <message>
        <source>%1: has no variable assignments; image settings keep their defaults</source>
        <translation>%1：没有任何变量赋值；镜像设置保持默认值</translation>
    </message>
    <message>
        <source>%1: mixes partylist/partyiplist (KubeFATE before v1.5) with party_list/party_ip_list (v1.5 and later); keep one pair</source>
        <translation>%1：混用了 partylist/partyiplist（KubeFATE v1.5 之前）和 party_list/party_ip_list（v1.5 及以后）；请只保留其中一组</translation>
    </message>
    <message>
        <source>%1: sets neither partylist nor party_list; is this KubeFATE&apos;s docker-configuration.sh or parties.conf?</source>
        <translation>%1：既未设置 partylist 也未设置 party_list；这是 KubeFATE 的 docker-configuration.sh 或 parties.conf 吗？</translation>
    </message>
    <message>
        <source>%1: looks like KubeFATE v1.1.1 – v1.3.0 (parties.conf without servingiplist); imported as KubeFATE %2 — check templates.kubefateVersion</source>
        <translation>%1：看起来是 KubeFATE v1.1.1 – v1.3.0（parties.conf 中没有 servingiplist）；已按 KubeFATE %2 导入——请检查 templates.kubefateVersion</translation>
    </message>
    <message>
        <source>%1: says KubeFATE %2, but %3 uses %4, which that release does not read</source>
        <translation>%1：标明为 KubeFATE %2，但 %3 使用了 %4，而该版本不会读取它</translation>
    </message>
    <message>
        <source>%1: %2 is not set; KubeFATE needs it</source>
        <translation>%1：未设置 %2；KubeFATE 需要该变量</translation>
    </message>
    <message>
        <source>%1: is an array; it must be a single value</source>
        <translation>%1：是数组；必须是单个值</translation>
    </message>
    <message>
        <source>%1: %2 is not set; list the party ids, e.g. %2=(10000 9999)</source>
        <translation>%1：未设置 %2；请列出参与方 ID，例如 %2=(10000 9999)</translation>
    </message>
    <message>
        <source>%1: %2 is not set; list one host per party, e.g. %2=(192.168.7.1 192.168.7.2)</source>
        <translation>%1：未设置 %2；请为每个参与方列出一台主机，例如 %2=(192.168.7.1 192.168.7.2)</translation>
    </message>
    <message>
        <source>%1: is empty; add at least one party id</source>
        <translation>%1：为空；请至少添加一个参与方 ID</translation>
    </message>
    <message>
        <source>%1: has %2 party id(s) but %3 (line %4) has %5 host(s); give one host per party, in the same order</source>
        <translation>%1：有 %2 个参与方 ID，但 %3（第 %4 行）有 %5 台主机；请按相同顺序为每个参与方提供一台主机</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a party id (a positive whole number without leading zeros)</source>
        <translation>%1：“%2”不是有效的参与方 ID（应为不带前导零的正整数）</translation>
    </message>
    <message>
        <source>%1: is an array; it must be a single host</source>
        <translation>%1：是数组；必须是单台主机</translation>
    </message>
    <message>
        <source>%1: exchangeip is not set; KubeFATE 1.1.0 always deploys an exchange, e.g. exchangeip=${partyiplist[0]}</source>
        <translation>%1：未设置 exchangeip；KubeFATE 1.1.0 总会部署 Exchange，例如 exchangeip=${partyiplist[0]}</translation>
    </message>
    <message>
        <source>%1: ignored: %2 (FATE Deployer does not deploy FATE-Serving)</source>
        <translation>%1：已忽略：%2（FATE Deployer 不部署 FATE-Serving）</translation>
    </message>
    <message>
        <source>FATE Deployer uses the bundled MySQL</source>
        <translation>FATE Deployer 使用自带的 MySQL</translation>
    </message>
    <message>
        <source>passwords are never imported into a project</source>
        <translation>密码永远不会导入到项目中</translation>
    </message>
    <message>
        <source>FATE Deployer does not deploy FATE-Serving</source>
        <translation>FATE Deployer 不部署 FATE-Serving</translation>
    </message>
    <message>
        <source>FATE Deployer deploys the Eggroll backend</source>
        <translation>FATE Deployer 部署 Eggroll 后端</translation>
    </message>
    <message>
        <source>FATE Deployer deploys the KubeFATE default federation</source>
        <translation>FATE Deployer 部署 KubeFATE 默认的联邦通信组件</translation>
    </message>
    <message>
        <source>FATE Deployer deploys the Basic images</source>
        <translation>FATE Deployer 部署 Basic 镜像</translation>
    </message>
    <message>
        <source>FATE Deployer deploys the CPU images</source>
        <translation>FATE Deployer 部署 CPU 镜像</translation>
    </message>
    <message>
        <source>FATE Deployer keeps KubeFATE&apos;s default</source>
        <translation>FATE Deployer 沿用 KubeFATE 的默认值</translation>
    </message>
    <message>
        <source>%1: ignored: %2 (not a KubeFATE 1.1.0 variable)</source>
        <translation>%1：已忽略：%2（不是 KubeFATE 1.1.0 的变量）</translation>
    </message>
    <message>
        <source>%1: ignored: %2 (%3)</source>
        <translation>%1：已忽略：%2（%3）</translation>
    </message>
    <message>
        <source>%1: ignored: %2=%3 (%4)</source>
        <translation>%1：已忽略：%2=%3（%4）</translation>
    </message>
    <message>
        <source>%1: ignored: %2 (not a KubeFATE variable)</source>
        <translation>%1：已忽略：%2（不是 KubeFATE 变量）</translation>
    </message>
    <message>
        <source>%1: ignored %2 more variables that are not KubeFATE variables</source>
        <translation>%1：另外忽略了 %2 个非 KubeFATE 变量</translation>
    </message>
    <message>
        <source>%1: PREFIX is not set; using %2</source>
        <translation>%1：未设置 PREFIX；使用 %2</translation>
    </message>
    <message>
        <source>%1: TAG is not set; using %2</source>
        <translation>%1：未设置 TAG；使用 %2</translation>
    </message>
    <message>
        <source>%1: THIRDPARTYPREFIX=%2 does not end with /%3 (PREFIX); imported as registry %2, so images are pulled as %2/%3/&lt;module&gt;</source>
        <translation>%1：THIRDPARTYPREFIX=%2 不以 /%3（PREFIX）结尾；已导入为镜像仓库 %2，镜像将按 %2/%3/&lt;module&gt; 拉取</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a port number</source>
        <translation>%1：“%2”不是有效的端口号</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not &lt;prefix&gt;/fateflow; FATE Deployer takes the image prefix from it</source>
        <translation>%1：“%2”不是 &lt;prefix&gt;/fateflow 形式；FATE Deployer 需要从中获取镜像前缀</translation>
    </message>
    <message>
        <source>%1: neither FATEFlow_IMAGE_TAG nor TAG is set; KubeFATE 2.0 needs the image tags</source>
        <translation>%1：FATEFlow_IMAGE_TAG 和 TAG 均未设置；KubeFATE 2.0 需要镜像标签</translation>
    </message>
    <message>
        <source>%1: ignored: %2=%3 (FATE Deployer derives it from the image prefix and tag: %4)</source>
        <translation>%1：已忽略：%2=%3（FATE Deployer 会根据镜像前缀和标签推导出该值：%4）</translation>
    </message>
    <message>
        <source>%1: ignored: %2 (not a KubeFATE %3 .env variable)</source>
        <translation>%1：已忽略：%2（不是 KubeFATE %3 的 .env 变量）</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not a whole number</source>
        <translation>%1：“%2”不是整数</translation>
    </message>
    <message>
        <source>%1: has %2 host(s) for %3 parties; give one serving host per party, in the order of party_list, or none</source>
        <translation>%1：为 %3 个参与方提供了 %2 台主机；请按 party_list 的顺序为每个参与方提供一台 serving 主机，或者都不提供</translation>
    </message>
    <message>
        <source>%1: %2 is a password: never stored in the project, only in the keychain (the window&apos;s import, or import --store-secrets)</source>
        <translation>%1：%2 是密码：永远不会保存到项目中，只会存入系统钥匙串（通过窗口中的导入，或 import --store-secrets）</translation>
    </message>
</context>
<context>
    <name>FateDeployer::KubefateTransfer</name>
    <message>
        <source>Import KubeFATE configuration</source>
        <translation>导入 KubeFATE 配置</translation>
    </message>
    <message>
        <source>KubeFATE configuration (docker-configuration.sh parties.conf);;All files (*)</source>
        <translation>KubeFATE 配置 (docker-configuration.sh parties.conf);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Cannot import KubeFATE configuration</source>
        <translation>无法导入 KubeFATE 配置</translation>
    </message>
    <message>
        <source>Imported from %1</source>
        <translation>导入自 %1</translation>
    </message>
    <message numerus="yes">
        <source>Imported %n party(s) from %1.</source>
        <translation>
            <numerusform>已从 %1 导入 %n 个参与方。</numerusform>
        </translation>
    </message>
    <message>
        <source>Image settings from %1.</source>
        <translation>镜像设置取自 %1。</translation>
    </message>
    <message>
        <source>Not taken over:</source>
        <translation>未导入的内容：</translation>
    </message>
    <message>
        <source>Save the project to keep it.</source>
        <translation>请保存项目以保留导入结果。</translation>
    </message>
    <message>
        <source>KubeFATE configuration imported</source>
        <translation>已导入 KubeFATE 配置</translation>
    </message>
    <message>
        <source>Folder for the KubeFATE files</source>
        <translation>KubeFATE 文件的保存文件夹</translation>
    </message>
    <message>
        <source>Cannot export KubeFATE configuration</source>
        <translation>无法导出 KubeFATE 配置</translation>
    </message>
    <message>
        <source>Wrote %1 and .env to %2.</source>
        <translation>已将 %1 和 .env 写入 %2。</translation>
    </message>
    <message>
        <source>KubeFATE&apos;s files cannot carry:</source>
        <translation>KubeFATE 的配置文件无法包含以下内容：</translation>
    </message>
    <message>
        <source>KubeFATE configuration exported</source>
        <translation>已导出 KubeFATE 配置</translation>
    </message>
    <message>
        <source>Updated %1 and .env in %2; only changed values were rewritten.</source>
        <translation>已更新 %2 中的 %1 和 .env；只重写了发生变化的值。</translation>
    </message>
    <message>
        <source>Its passwords go to the system keychain, never into the project file.</source>
        <translation>其中的密码会存入系统钥匙串，永远不会写入项目文件。</translation>
    </message>
    <message>
        <source>Cannot store the passwords in the keychain</source>
        <translation>无法将密码存入系统钥匙串</translation>
    </message>
    <message>
        <source>Overwrite cluster.yaml files?</source>
        <translation>覆盖 cluster.yaml 文件？</translation>
    </message>
    <message>
        <source>These files already exist:
• %1

Overwrite them?</source>
        <translation>以下文件已存在：
• %1

要覆盖它们吗？</translation>
    </message>
    <message>
        <source>Cannot export cluster.yaml</source>
        <translation>无法导出 cluster.yaml</translation>
    </message>
    <message>
        <source>Wrote to %1:</source>
        <translation>已写入 %1：</translation>
    </message>
    <message>
        <source>On the Kubernetes side, install each file with: kubefate cluster install -f FILE</source>
        <translation>在 Kubernetes 一侧，用以下命令安装每个文件：kubefate cluster install -f FILE</translation>
    </message>
    <message>
        <source>Not exported:</source>
        <translation>未导出：</translation>
    </message>
    <message>
        <source>cluster.yaml exported</source>
        <translation>已导出 cluster.yaml</translation>
    </message>
    <message>
        <source>Folder for the cluster.yaml files</source>
        <translation>存放 cluster.yaml 文件的文件夹</translation>
    </message>
</context>
<context>
    <name>FateDeployer::LogModel</name>
    <message>
        <source>deployer</source>
        <comment>the deployer program itself as a log source</comment>
        <translation>部署工具</translation>
    </message>
</context>
<context>
    <name>FateDeployer::MainWindow</name>
    <message>
        <source>Selected host: %1</source>
        <translation>选中的主机：%1</translation>
    </message>
    <message>
        <source>Last run: %1 — %2</source>
        <translation>上次运行：%1 — %2</translation>
    </message>
    <message>
        <source>&amp;New project</source>
        <translation>新建项目(&amp;N)</translation>
    </message>
    <message>
        <source>Start an empty project</source>
        <translation>新建一个空项目</translation>
    </message>
    <message>
        <source>New from the &amp;two-party example</source>
        <translation>从双参与方示例新建(&amp;T)</translation>
    </message>
    <message>
        <source>Parties 10000 and 9999 with an exchange</source>
        <translation>参与方 10000 和 9999，含 Exchange</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>打开(&amp;O)…</translation>
    </message>
    <message>
        <source>Open a project file (.fdproj)</source>
        <translation>打开项目文件（.fdproj）</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>保存(&amp;S)</translation>
    </message>
    <message>
        <source>Save the project file</source>
        <translation>保存项目文件</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>另存为(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Import KubeFATE configuration…</source>
        <translation>导入 KubeFATE 配置(&amp;I)…</translation>
    </message>
    <message>
        <source>Read KubeFATE&apos;s docker-configuration.sh or parties.conf (with its .env) into a new project</source>
        <translation>将 KubeFATE 的 docker-configuration.sh 或 parties.conf（及其 .env）读入新项目</translation>
    </message>
    <message>
        <source>&amp;Project without secrets…</source>
        <translation>不含凭据的项目(&amp;P)…</translation>
    </message>
    <message>
        <source>Save a copy to share with another team; it never contains passwords</source>
        <translation>另存一份副本以便与其他团队共享；其中绝不包含密码</translation>
    </message>
    <message>
        <source>&amp;KubeFATE configuration files…</source>
        <translation>KubeFATE 配置文件(&amp;K)…</translation>
    </message>
    <message>
        <source>Write docker-configuration.sh or parties.conf and .env for KubeFATE&apos;s own scripts</source>
        <translation>写出供 KubeFATE 自带脚本使用的 docker-configuration.sh 或 parties.conf，以及 .env</translation>
    </message>
    <message>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Add party</source>
        <translation>添加参与方(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Duplicate party</source>
        <translation>复制参与方(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Remove party</source>
        <translation>删除参与方(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Find in log…</source>
        <translation>在日志中查找(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Preflight check</source>
        <translation>部署前检查(&amp;P)</translation>
    </message>
    <message>
        <source>Check every host before touching anything: SSH, Docker, Compose, ports, disk</source>
        <translation>在做任何改动前检查每台主机：SSH、Docker、Compose、端口、磁盘</translation>
    </message>
    <message>
        <source>&amp;Deploy all</source>
        <translation>全部部署(&amp;D)</translation>
    </message>
    <message>
        <source>Deploy every party and the exchange</source>
        <translation>部署所有参与方和 Exchange</translation>
    </message>
    <message>
        <source>Deploy &amp;selected parties</source>
        <translation>部署选中的参与方(&amp;S)</translation>
    </message>
    <message>
        <source>Deploy only the parties selected in the topology</source>
        <translation>仅部署拓扑中选中的参与方</translation>
    </message>
    <message>
        <source>Deploy the &amp;exchange</source>
        <translation>部署 Exchange(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Verify deployment</source>
        <translation>验证部署(&amp;V)</translation>
    </message>
    <message>
        <source>Run the toy example between two parties</source>
        <translation>在两个参与方之间运行 toy example</translation>
    </message>
    <message>
        <source>Refresh &amp;status</source>
        <translation>刷新状态(&amp;S)</translation>
    </message>
    <message>
        <source>Ask every host for its container status</source>
        <translation>查询每台主机的容器状态</translation>
    </message>
    <message>
        <source>&amp;Delete deployment…</source>
        <translation>删除部署(&amp;D)…</translation>
    </message>
    <message>
        <source>Stop and remove FATE on the hosts</source>
        <translation>停止并删除主机上的 FATE</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>取消(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the running deployment</source>
        <translation>停止正在进行的部署</translation>
    </message>
    <message>
        <source>&amp;Retry failed hosts</source>
        <translation>重试失败的主机(&amp;R)</translation>
    </message>
    <message>
        <source>Rerun the plan for the hosts that failed, only them</source>
        <translation>仅对失败的主机重新执行计划</translation>
    </message>
    <message>
        <source>&amp;Topology</source>
        <translation>拓扑(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Images &amp;&amp; registry</source>
        <translation>镜像与镜像仓库(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Deploy</source>
        <translation>部署(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>历史记录(&amp;H)</translation>
    </message>
    <message>
        <source>Render &amp;preview…</source>
        <translation>渲染预览(&amp;P)…</translation>
    </message>
    <message>
        <source>Browse rendered bundles and what changed since the last deployment</source>
        <translation>浏览渲染后的部署包及自上次部署以来的变更</translation>
    </message>
    <message>
        <source>&amp;Full screen</source>
        <translation>全屏(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>首选项(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;System language</source>
        <translation>系统语言(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About FATE Deployer</source>
        <translation>关于 FATE Deployer(&amp;A)</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>关于 Qt(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>设置(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Topology</source>
        <translation>拓扑</translation>
    </message>
    <message>
        <source>Images &amp; registry</source>
        <translation>镜像与镜像仓库</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史记录</translation>
    </message>
    <message>
        <source>another run is in progress</source>
        <translation>另一个运行正在进行</translation>
    </message>
    <message>
        <source>Fe&amp;deration</source>
        <translation>联邦(&amp;D)</translation>
    </message>
    <message>
        <source>Export party &amp;card…</source>
        <translation>导出参与方名片(&amp;C)…</translation>
    </message>
    <message>
        <source>Write the selected party&apos;s card (reachable address, versions) for the coordinator</source>
        <translation>为协调方写出所选参与方的名片（可达地址、版本）</translation>
    </message>
    <message>
        <source>&amp;Import party card…</source>
        <translation>导入参与方名片(&amp;I)…</translation>
    </message>
    <message>
        <source>Add or update another team&apos;s party from its card</source>
        <translation>根据名片添加或更新其他团队的参与方</translation>
    </message>
    <message>
        <source>&amp;Export federation file…</source>
        <translation>导出联邦文件(&amp;E)…</translation>
    </message>
    <message>
        <source>Write the federation file for every team, with its revision and fingerprint</source>
        <translation>为所有团队写出联邦文件，附修订版号和指纹</translation>
    </message>
    <message>
        <source>Im&amp;port federation file…</source>
        <translation>导入联邦文件(&amp;P)…</translation>
    </message>
    <message>
        <source>Take the coordinator&apos;s federation file into this project, after showing what changes</source>
        <translation>先显示变更内容，再将协调方的联邦文件导入本项目</translation>
    </message>
    <message>
        <source>&amp;Change plan…</source>
        <translation>变更计划(&amp;C)…</translation>
    </message>
    <message>
        <source>What applying the project changes on each host since the last deployment, and Apply</source>
        <translation>自上次部署以来，应用项目会在每台主机上变更什么，以及“应用”</translation>
    </message>
    <message>
        <source>Connectivity &amp;matrix…</source>
        <translation>连通性矩阵(&amp;M)…</translation>
    </message>
    <message>
        <source>Check every path of the federation from its source host, before or after deploying</source>
        <translation>在部署前或部署后，从源主机检查联邦的每条路径</translation>
    </message>
    <message>
        <source>D&amp;rift and rollback…</source>
        <translation>配置偏差与回滚(&amp;R)…</translation>
    </message>
    <message>
        <source>Compare the hosts&apos; files and containers with the last deployment</source>
        <translation>将主机上的文件和容器与上次部署进行比较</translation>
    </message>
    <message>
        <source>&amp;cluster.yaml for Kubernetes…</source>
        <translation>用于 Kubernetes 的 cluster.yaml(&amp;C)…</translation>
    </message>
    <message>
        <source>Write KubeFATE&apos;s cluster.yaml for each of your parties and the exchange, to move them to Kubernetes</source>
        <translation>为您的每个参与方和 Exchange 交换组件写出 KubeFATE 的 cluster.yaml，以便迁移到 Kubernetes</translation>
    </message>
    <message>
        <source>Toy &amp;grid…</source>
        <translation>toy 网格(&amp;G)…</translation>
    </message>
    <message>
        <source>Run the toy example between every ordered pair of parties, each on its guest&apos;s host</source>
        <translation>在参与方（Party）的每个有序对之间运行 toy example，各在其 guest 的主机上</translation>
    </message>
</context>
<context>
    <name>FateDeployer::PackCache</name>
    <message>
        <source>cannot create a temporary file in %1: %2</source>
        <translation>无法在 %1 中创建临时文件：%2</translation>
    </message>
    <message>
        <source>cannot write the temporary file %1: %2</source>
        <translation>无法写入临时文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot read the temporary file %1: %2</source>
        <translation>无法读取临时文件 %1：%2</translation>
    </message>
    <message>
        <source>cannot write the archive (the destination refused the data)</source>
        <translation>无法写入归档文件（目标拒绝接收数据）</translation>
    </message>
    <message>
        <source>it ends early</source>
        <translation>文件提前结束</translation>
    </message>
    <message>
        <source>cannot copy a packed member into the archive: %1</source>
        <translation>无法将已压缩的成员复制到归档文件：%1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::PartyCard</name>
    <message>
        <source>party %1 is not in the project</source>
        <translation>参与方 %1 不在项目中</translation>
    </message>
    <message>
        <source>party %1: its address %2</source>
        <translation>参与方 %1：其地址%2</translation>
    </message>
    <message>
        <source>party card</source>
        <translation>参与方名片</translation>
    </message>
    <message>
        <source>this party card has format %1, but this FATE Deployer reads up to format %2; please update FATE Deployer</source>
        <translation>该参与方名片的格式版本为 %1，而此版本的 FATE Deployer 最高只能读取格式版本 %2；请升级 FATE Deployer</translation>
    </message>
    <message>
        <source>is not &quot;%1&quot;; is this a party card?</source>
        <translation>不是“%1”；这是参与方名片吗？</translation>
    </message>
    <message>
        <source>must be one line</source>
        <translation>必须是单行</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>party %1 runs KubeFATE %2, this project %3; a federation needs one version</source>
        <translation>参与方 %1 运行 KubeFATE %2，本项目为 %3；一个联邦需使用同一版本</translation>
    </message>
    <message>
        <source>party %1 runs the images %2, this project %3</source>
        <translation>参与方 %1 使用镜像 %2，本项目为 %3</translation>
    </message>
</context>
<context>
    <name>FateDeployer::PartyTableModel</name>
    <message>
        <source>Automatic</source>
        <comment>SSH authentication method: try agent, keys, password in turn</comment>
        <translation>自动</translation>
    </message>
    <message>
        <source>SSH agent</source>
        <translation>SSH agent</translation>
    </message>
    <message>
        <source>Key file</source>
        <translation>密钥文件</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Keyboard-interactive</source>
        <translation>键盘交互</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>How to log in; passwords and passphrases are asked when needed and kept in the system keychain only.</source>
        <translation>登录方式；密码和私钥口令在需要时询问，只保存在系统钥匙串中。</translation>
    </message>
    <message>
        <source>Change party id</source>
        <translation>修改参与方 ID</translation>
    </message>
    <message>
        <source>Change host of party</source>
        <translation>修改参与方主机</translation>
    </message>
    <message>
        <source>Change SSH user</source>
        <translation>修改 SSH 用户</translation>
    </message>
    <message>
        <source>Change SSH port</source>
        <translation>修改 SSH 端口</translation>
    </message>
    <message>
        <source>Change SSH login method</source>
        <translation>修改 SSH 登录方式</translation>
    </message>
    <message>
        <source>Change deployment directory</source>
        <translation>修改部署目录</translation>
    </message>
    <message>
        <source>Change notes</source>
        <translation>修改备注</translation>
    </message>
    <message>
        <source>Party ID</source>
        <translation>参与方 ID</translation>
    </message>
    <message>
        <source>Host</source>
        <translation>主机</translation>
    </message>
    <message>
        <source>SSH user</source>
        <translation>SSH 用户</translation>
    </message>
    <message>
        <source>SSH port</source>
        <translation>SSH 端口</translation>
    </message>
    <message>
        <source>Login</source>
        <comment>SSH authentication method column</comment>
        <translation>登录方式</translation>
    </message>
    <message>
        <source>Directory</source>
        <comment>deployment directory on the run host</comment>
        <translation>部署目录</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>The party (organisation) id, a positive whole number unique in the federation</source>
        <translation>参与方（组织）ID，在联邦内唯一的正整数</translation>
    </message>
    <message>
        <source>The run host: IPv4/IPv6 address or DNS name reachable over SSH from this machine</source>
        <translation>运行机：本机可通过 SSH 访问的 IPv4/IPv6 地址或 DNS 名称</translation>
    </message>
    <message>
        <source>Where FATE is installed on the run host; empty uses the project default</source>
        <translation>FATE 在运行机上的安装位置；留空则使用项目默认值</translation>
    </message>
    <message>
        <source>Add party</source>
        <translation>添加参与方</translation>
    </message>
    <message>
        <source>Duplicate party</source>
        <translation>复制参与方</translation>
    </message>
    <message numerus="yes">
        <source>Remove %n party(s)</source>
        <translation>
            <numerusform>删除 %n 个参与方</numerusform>
        </translation>
    </message>
    <message>
        <source>(agent or ~/.ssh keys)</source>
        <translation>（SSH agent 或 ~/.ssh 中的密钥）</translation>
    </message>
    <message>
        <source>(direct)</source>
        <translation>（直连）</translation>
    </message>
    <message>
        <source>Change SSH key file</source>
        <translation>修改 SSH 私钥文件</translation>
    </message>
    <message>
        <source>Change jump host</source>
        <translation>修改跳板机</translation>
    </message>
    <message>
        <source>Key file</source>
        <comment>SSH private key file column</comment>
        <translation>私钥文件</translation>
    </message>
    <message>
        <source>Jump host</source>
        <comment>SSH ProxyJump column</comment>
        <translation>跳板机</translation>
    </message>
    <message>
        <source>The SSH private key for this host (e.g. ~/.ssh/id_ed25519); empty tries the agent and the default keys</source>
        <translation>登录该主机用的 SSH 私钥（例如 ~/.ssh/id_ed25519）；留空则尝试 SSH agent 和默认密钥</translation>
    </message>
    <message>
        <source>Reach the host through a jump host: [user@]host[:port]; several separated by commas are passed in order (the first is reached directly)</source>
        <translation>通过跳板机访问该主机：[user@]host[:port]；多个跳板机用逗号分隔，按顺序经过（第一个直接连接）</translation>
    </message>
    <message>
        <source>%1 (the host)</source>
        <translation>%1（即主机地址）</translation>
    </message>
    <message>
        <source>another team</source>
        <translation>其他团队</translation>
    </message>
    <message>
        <source>this project</source>
        <translation>本项目</translation>
    </message>
    <message>
        <source>Mark party as another team&apos;s</source>
        <translation>将参与方标记为其他团队的</translation>
    </message>
    <message>
        <source>Mark party as this project&apos;s</source>
        <translation>将参与方标记为本项目的</translation>
    </message>
    <message>
        <source>Change reachable address</source>
        <translation>修改可达地址</translation>
    </message>
    <message>
        <source>Reached at</source>
        <comment>address the exchange and other parties use for this party</comment>
        <translation>可达地址</translation>
    </message>
    <message>
        <source>Deployed by</source>
        <translation>部署方</translation>
    </message>
    <message>
        <source>The address the exchange and the other parties reach this party at, when it differs from the SSH host (NAT, public address); route tables use it. Say why in the notes</source>
        <translation>Exchange 交换组件和其他参与方访问该参与方所用的地址（当它与 SSH 主机地址不同时，例如 NAT、公网地址）；路由表使用此地址。请在备注中说明原因</translation>
    </message>
    <message>
        <source>Checked: another team deploys this party; this project never connects to it and only lists it in the route tables (&quot;my parties only&quot;)</source>
        <translation>勾选：该参与方由其他团队部署；本项目从不连接它，只在路由表中列出它（“仅部署我的参与方”）</translation>
    </message>
    <message>
        <source>(no serving)</source>
        <translation>（无 Serving）</translation>
    </message>
    <message>
        <source>Change serving host</source>
        <translation>更改 Serving 主机</translation>
    </message>
    <message>
        <source>Serving host</source>
        <comment>host of the party&apos;s FATE-Serving bundle</comment>
        <translation>Serving 主机</translation>
    </message>
    <message>
        <source>Where the party&apos;s FATE-Serving runs (KubeFATE v1.11.2 and later); empty deploys no serving. Serving joins the party&apos;s training network, so it runs on the party&apos;s host</source>
        <translation>该参与方的 FATE-Serving 运行在哪台主机（KubeFATE v1.11.2 及更新版本）；留空则不部署 Serving。Serving 会加入该参与方的训练网络，因此运行在参与方自己的主机上</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Plan</name>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Docker</source>
        <translation>Docker</translation>
    </message>
    <message>
        <source>Compose</source>
        <translation>Compose</translation>
    </message>
    <message>
        <source>Disk space</source>
        <translation>磁盘空间</translation>
    </message>
    <message>
        <source>Ports</source>
        <translation>端口</translation>
    </message>
    <message>
        <source>CPU architecture</source>
        <translation>CPU 架构</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Registry login</source>
        <translation>登录镜像仓库</translation>
    </message>
    <message>
        <source>Load images</source>
        <translation>加载镜像</translation>
    </message>
    <message>
        <source>Pull images</source>
        <translation>拉取镜像</translation>
    </message>
    <message>
        <source>Base directory</source>
        <translation>基础目录</translation>
    </message>
    <message>
        <source>Upload</source>
        <translation>上传</translation>
    </message>
    <message>
        <source>Stop old deployment</source>
        <translation>停止旧部署</translation>
    </message>
    <message>
        <source>Swap folders</source>
        <translation>切换目录</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Wait until running</source>
        <translation>等待运行</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Toy example</source>
        <translation>Toy example</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>移除容器</translation>
    </message>
    <message>
        <source>Remove folder</source>
        <translation>删除目录</translation>
    </message>
    <message>
        <source>Preflight</source>
        <translation>部署前检查</translation>
    </message>
    <message>
        <source>Deploy</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>验证部署</translation>
    </message>
    <message>
        <source>Teardown</source>
        <translation>删除部署</translation>
    </message>
    <message>
        <source>Open test listener</source>
        <translation>打开测试监听</translation>
    </message>
    <message>
        <source>Connectivity</source>
        <translation>连通性</translation>
    </message>
    <message>
        <source>Close test listener</source>
        <translation>关闭测试监听</translation>
    </message>
    <message>
        <source>Drift</source>
        <translation>配置偏差</translation>
    </message>
    <message>
        <source>Restore previous bundle</source>
        <translation>恢复上一个部署包</translation>
    </message>
    <message>
        <source>Connectivity matrix</source>
        <translation>连通性矩阵</translation>
    </message>
    <message>
        <source>Rollback</source>
        <translation>回滚</translation>
    </message>
</context>
<context>
    <name>FateDeployer::PlanBuilder</name>
    <message>
        <source>party %1 (%2)</source>
        <translation>参与方 %1（%2）</translation>
    </message>
    <message>
        <source>exchange (%1)</source>
        <translation>Exchange（%1）</translation>
    </message>
    <message>
        <source>toy example %1 → %2 (on %3)</source>
        <translation>toy example %1 → %2（在 %3 上）</translation>
    </message>
</context>
<context>
    <name>FateDeployer::PreviewDialog</name>
    <message>
        <source>Render preview</source>
        <translation>渲染预览</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Changes since last deployment</source>
        <translation>自上次部署以来的变更</translation>
    </message>
    <message>
        <source>%1 was not part of the last deployment: the whole file is new.</source>
        <translation>%1 不在上次部署中：整个文件都是新增的。</translation>
    </message>
    <message>
        <source>%1 is unchanged since the last deployment.</source>
        <translation>%1 自上次部署以来没有变化。</translation>
    </message>
    <message>
        <source>new</source>
        <comment>file state in the render preview</comment>
        <translation>新增</translation>
    </message>
    <message>
        <source>changed</source>
        <comment>file state in the render preview</comment>
        <translation>已变更</translation>
    </message>
    <message>
        <source>Bundle / file</source>
        <translation>部署包 / 文件</translation>
    </message>
    <message>
        <source>Since last deployment</source>
        <translation>相对上次部署</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Rendering the bundles…</source>
        <translation>正在渲染部署包…</translation>
    </message>
    <message>
        <source>Cannot render: %1</source>
        <translation>无法渲染：%1</translation>
    </message>
    <message>
        <source>%1 → %2:%3</source>
        <translation>%1 → %2:%3</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s)</source>
        <translation>
            <numerusform>%n 处变更</numerusform>
        </translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变更</translation>
    </message>
    <message>
        <source>removed</source>
        <comment>file state in the render preview</comment>
        <translation>已删除</translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) from %1; </source>
        <translation>
            <numerusform>基于 %1 中的模板生成了 %n 个部署包；</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n bundle(s) differ from the last deployment.</source>
        <translation>
            <numerusform>其中 %n 个与上次部署不同。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is %2; too large to show here.</source>
        <translation>%1 大小为 %2，文件过大，无法在此显示。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ProjectController</name>
    <message>
        <source>FATE Deployer projects (%1)</source>
        <translation>FATE Deployer 项目 (%1)</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>欢迎</translation>
    </message>
    <message>
        <source>Untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <source>not saved yet</source>
        <translation>尚未保存</translation>
    </message>
    <message>
        <source>%1 (%2)[*]</source>
        <comment>window title: project name (file name); [*] marks unsaved changes</comment>
        <translation>%1（%2）[*]</translation>
    </message>
    <message>
        <source>Cannot open project</source>
        <translation>无法打开项目</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的更改</translation>
    </message>
    <message>
        <source>“%1” has changes that are not saved. Save them first?</source>
        <translation>“%1”有未保存的更改。是否先保存？</translation>
    </message>
    <message>
        <source>Save project</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>New federation</source>
        <translation>新联邦</translation>
    </message>
    <message>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <source>Cannot save project</source>
        <translation>无法保存项目</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
    <message>
        <source>Save project as</source>
        <translation>项目另存为</translation>
    </message>
    <message>
        <source>Export project without secrets</source>
        <translation>导出不含凭据的项目</translation>
    </message>
    <message>
        <source>Cannot export project</source>
        <translation>无法导出项目</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Recover unsaved changes</source>
        <translation>恢复未保存的更改</translation>
    </message>
    <message>
        <source>FATE Deployer closed without saving changes to %1 (autosaved %2). Recover them?</source>
        <translation>FATE Deployer 上次关闭时未保存对 %1 的更改（已于 %2 自动保存）。是否恢复？</translation>
    </message>
    <message>
        <source>an untitled project</source>
        <translation>未命名项目</translation>
    </message>
    <message>
        <source>Cannot recover</source>
        <translation>无法恢复</translation>
    </message>
    <message>
        <source>&amp;%1 %2</source>
        <translation>&amp;%1 %2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ProjectDocument</name>
    <message>
        <source>The project has no file name yet; use Save As to choose one.</source>
        <translation>项目还没有文件名；请使用“另存为”指定。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ProjectFile</name>
    <message>
        <source>not a project file: the top level must be a JSON object</source>
        <translation>不是项目文件：顶层必须是 JSON 对象</translation>
    </message>
    <message>
        <source>not a project file: formatVersion is missing</source>
        <translation>不是项目文件：缺少 formatVersion</translation>
    </message>
    <message>
        <source>this project file has format version %1, but this FATE Deployer reads up to version %2; please update FATE Deployer</source>
        <translation>该项目文件的格式版本为 %1，但当前的 FATE Deployer 最高只能读取版本 %2；请升级 FATE Deployer</translation>
    </message>
    <message>
        <source>formatVersion: %1 is not a valid format version</source>
        <translation>formatVersion：%1 不是有效的格式版本</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of folder, archive, url</source>
        <translation>“%1”不是 folder、archive、url 之一</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of dockerhub, private</source>
        <translation>“%1”不是 dockerhub、private 之一</translation>
    </message>
    <message>
        <source>must be a list</source>
        <translation>必须是列表</translation>
    </message>
    <message>
        <source>must be an object</source>
        <translation>必须是对象</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>must be a string</source>
        <translation>必须是字符串</translation>
    </message>
    <message>
        <source>must be a whole number</source>
        <translation>必须是整数</translation>
    </message>
    <message>
        <source>must be true or false</source>
        <translation>必须是 true 或 false</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of default, agent, publickey, password, keyboard-interactive</source>
        <translation>“%1”不是 default、agent、publickey、password、keyboard-interactive 之一</translation>
    </message>
    <message>
        <source>is %1 characters long (at most %2 are accepted)</source>
        <translation>长度为 %1 个字符（最多允许 %2 个）</translation>
    </message>
    <message>
        <source>not a project file: %1 at line %2, column %3 (byte %4 of %5)</source>
        <translation>不是项目文件：%1，位于第 %2 行第 %3 列（共 %5 字节中的第 %4 字节）</translation>
    </message>
    <message>
        <source>parties: %1 parties listed (at most %2 are accepted)</source>
        <translation>parties：列出了 %1 个参与方（最多允许 %2 个）</translation>
    </message>
    <message>
        <source>%1: the file is %2 bytes long (at most %3 are accepted); is this the right file?</source>
        <translation>%1：文件大小为 %2 字节（最多允许 %3 字节）；这是正确的文件吗？</translation>
    </message>
    <message>
        <source>must be a list of at most 64 names</source>
        <translation>必须是最多 64 个名称的列表</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ProjectLock</name>
    <message>
        <source>%1 is already being run by %2 (process %3 on %4); wait until that run has finished or cancel it there, then try again</source>
        <translation>%1 正由 %2 运行（%4 上的进程 %3）；请等待那次运行结束或在那里取消它，然后重试</translation>
    </message>
    <message>
        <source>another FATE Deployer</source>
        <translation>另一个 FATE Deployer</translation>
    </message>
    <message>
        <source>cannot create the lock file %1 that keeps two runs of this project apart; check that the folder is writable</source>
        <translation>无法创建用于防止同一项目同时运行两次的锁文件 %1；请检查该文件夹是否可写</translation>
    </message>
</context>
<context>
    <name>FateDeployer::ReadAhead</name>
    <message>
        <source>Reading %1 failed: %2</source>
        <translation>读取 %1 失败：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Render11</name>
    <message>
        <source>parties: the project has no party; add at least one</source>
        <translation>parties：项目中没有参与方；请至少添加一个</translation>
    </message>
    <message>
        <source>images.prefix: the image prefix is empty, which gives invalid image names such as &quot;/federation&quot;; enter one (default federatedai)</source>
        <translation>images.prefix：镜像前缀为空，会生成“/federation”这样的无效镜像名；请填写（默认 federatedai）</translation>
    </message>
    <message>
        <source>images.tag: the image tag is empty; enter one (default 1.1-release)</source>
        <translation>images.tag：镜像标签为空；请填写（默认 1.1-release）</translation>
    </message>
    <message>
        <source>registry.uri: a private registry is selected but its address is empty; enter it (e.g. harbor.example.com/fate) or use Docker Hub</source>
        <translation>registry.uri：已选择私有镜像仓库，但地址为空；请填写（例如 harbor.example.com/fate）或改用 Docker Hub</translation>
    </message>
    <message>
        <source>exchange.host: KubeFATE 1.1.0 routes all traffic through the exchange; enter its host</source>
        <translation>exchange.host：KubeFATE 1.1.0 的所有流量都经由 Exchange 路由；请填写其主机</translation>
    </message>
    <message>
        <source>parties: party id %1 is not a positive number</source>
        <translation>parties：参与方 ID %1 不是正数</translation>
    </message>
    <message>
        <source>parties: party id %1 appears twice</source>
        <translation>parties：参与方 ID %1 重复出现</translation>
    </message>
    <message>
        <source>parties: party %1 has no host</source>
        <translation>parties：参与方 %1 没有主机</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Render111</name>
    <message>
        <source>parties: the project has no party; add at least one</source>
        <translation>parties：项目中没有参与方；请至少添加一个</translation>
    </message>
    <message>
        <source>parties: party id %1 is not a positive number</source>
        <translation>parties：参与方 ID %1 不是正数</translation>
    </message>
    <message>
        <source>parties: party id %1 appears twice</source>
        <translation>parties：参与方 ID %1 重复出现</translation>
    </message>
    <message>
        <source>parties: party %1 has no host</source>
        <translation>parties：参与方 %1 没有主机</translation>
    </message>
    <message>
        <source>images.prefix: KubeFATE v1.11 names its images federatedai/…; &quot;%1&quot; cannot be used. To pull from elsewhere, use a private registry</source>
        <translation>images.prefix：KubeFATE v1.11 的镜像名为 federatedai/…，不能使用“%1”。如需从其他位置拉取，请使用私有镜像仓库</translation>
    </message>
    <message>
        <source>registry.uri: a private registry is selected but its address is empty; enter it (e.g. harbor.example.com/fate) or use Docker Hub</source>
        <translation>registry.uri：已选择私有镜像仓库，但地址为空；请填写（例如 harbor.example.com/fate）或改用 Docker Hub</translation>
    </message>
    <message>
        <source>exchange.host: the exchange is enabled but has no host; enter it or disable the exchange</source>
        <translation>exchange.host：已启用 Exchange 交换组件，但没有主机；请填写主机或停用 Exchange</translation>
    </message>
    <message>
        <source>%1: &quot;%2&quot; is not possible here; choose one of %3</source>
        <translation>%1：此处不能使用“%2”；请从 %3 中选择</translation>
    </message>
    <message>
        <source>engine.computeCore: %1 is not a positive number</source>
        <translation>engine.computeCore：%1 不是正数</translation>
    </message>
    <message>
        <source>engine.gpuCount: %1 is not a positive number</source>
        <translation>engine.gpuCount：%1 不是正数</translation>
    </message>
    <message>
        <source>template file for %1 is missing from %2; the KubeFATE %3 templates are incomplete</source>
        <translation>%2 中缺少 %1 的模板文件；KubeFATE %3 模板不完整</translation>
    </message>
    <message>
        <source>images.tag: the image tag is empty; enter one (default %1)</source>
        <translation>images.tag：镜像标签为空；请填写（默认 %1）</translation>
    </message>
    <message>
        <source>images.prefix: &quot;%1&quot; gives invalid image names such as &quot;%1/fateflow&quot;; enter one (default federatedai)</source>
        <translation>images.prefix：“%1”会产生无效的镜像名称，例如“%1/fateflow”；请填写（默认 federatedai）</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Renderer</name>
    <message>
        <source>templates.kubefateVersion: the project is for KubeFATE %1, but the templates at %2 are KubeFATE %3; choose templates of the project&apos;s version</source>
        <translation>templates.kubefateVersion：项目对应 KubeFATE %1，但 %2 中的模板是 KubeFATE %3；请选择与项目版本一致的模板</translation>
    </message>
    <message>
        <source>KubeFATE %1 templates found at %2: not supported yet; FATE Deployer renders the templates of KubeFATE 1.1.0, v1.11 and v2.0</source>
        <translation>在 %2 找到 KubeFATE %1 模板：暂不支持；FATE Deployer 目前渲染 KubeFATE 1.1.0、v1.11 和 v2.0 的模板</translation>
    </message>
</context>
<context>
    <name>FateDeployer::RunReport</name>
    <message>
        <source>succeeded</source>
        <translation>成功</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>FAILED</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>fix: %1</source>
        <translation>解决方法：%1</translation>
    </message>
    <message>
        <source>command: %1</source>
        <translation>命令：%1</translation>
    </message>
    <message>
        <source>%1 of project %2, started %3 UTC, %4: %5</source>
        <translation>项目“%2”的%1，开始于 %3 UTC，用时 %4：%5</translation>
    </message>
    <message>
        <source>restarts=%1</source>
        <translation>重启次数=%1</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>未运行</translation>
    </message>
</context>
<context>
    <name>FateDeployer::RunSession</name>
    <message>
        <source>Another run is still in progress; wait for it or cancel it.</source>
        <translation>另一次运行仍在进行中；请等待其结束或将其取消。</translation>
    </message>
    <message>
        <source>Nothing to do: the selection has no hosts. Add a party or select one.</source>
        <translation>无需执行：所选范围内没有主机。请添加或选择一个参与方。</translation>
    </message>
    <message>
        <source>Cannot create a temporary folder for the bundles: %1. Free some disk space and try again.</source>
        <translation>无法为部署包创建临时文件夹：%1。请释放一些磁盘空间后重试。</translation>
    </message>
    <message>
        <source>cancelled before any host was contacted</source>
        <translation>在连接任何主机之前已取消</translation>
    </message>
    <message>
        <source>Preparing the bundles failed: %1</source>
        <translation>准备部署包失败：%1</translation>
    </message>
    <message>
        <source>Rendering the bundles failed: %1</source>
        <translation>渲染部署包失败：%1</translation>
    </message>
    <message>
        <source>The engine could not start the run; run the operation again.</source>
        <translation>部署引擎无法开始运行；请重新执行该操作。</translation>
    </message>
    <message>
        <source>No host failed in the last run; nothing to retry.</source>
        <translation>上次运行中没有失败的主机；无需重试。</translation>
    </message>
    <message>
        <source>The engine could not start the retry; run the whole operation again.</source>
        <translation>部署引擎无法开始重试；请重新运行整个操作。</translation>
    </message>
    <message>
        <source>The record of what was deployed was not written: %1</source>
        <translation>未能写入部署内容记录：%1</translation>
    </message>
    <message>
        <source>Save the project first: what was deployed is recorded per project file.</source>
        <translation>请先保存项目：部署内容按项目文件记录。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SafeExtract</name>
    <message>
        <source>cannot unpack into %1: it already exists</source>
        <translation>无法解包到 %1：该位置已存在</translation>
    </message>
    <message>
        <source>cannot create folder %1</source>
        <translation>无法创建文件夹 %1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SettingsDialog</name>
    <message>
        <source>known_hosts file</source>
        <translation>known_hosts 文件</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>所有文件 (*)</translation>
    </message>
    <message>
        <source>System language</source>
        <translation>系统语言</translation>
    </message>
    <message>
        <source> s</source>
        <comment>seconds suffix of a spin box</comment>
        <translation> 秒</translation>
    </message>
    <message>
        <source>never</source>
        <comment>autosave interval 0</comment>
        <translation>从不</translation>
    </message>
    <message>
        <source>~/.ssh/known_hosts</source>
        <translation>~/.ssh/known_hosts</translation>
    </message>
    <message>
        <source>How many hosts are deployed at the same time; the rest wait their turn.</source>
        <translation>同时部署的主机数量；其余主机排队等待。</translation>
    </message>
    <message>
        <source>A remote command that prints nothing and transfers nothing for this long is stopped and reported as failed. Long pulls and uploads that make progress are never stopped.</source>
        <translation>远程命令在这段时间内既无输出也无数据传输时，将被停止并报告为失败。仍有进展的长时间拉取和上传不会被停止。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SshChannel</name>
    <message>
        <source>cannot read the local file</source>
        <translation>无法读取本地文件</translation>
    </message>
    <message>
        <source>killed by signal %1</source>
        <translation>被信号 %1 终止</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SshEndpoint</name>
    <message>
        <source>The jump host is empty. Write it as [user@]host[:port].</source>
        <translation>跳板机为空。请按 [user@]host[:port] 格式填写。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; has an empty user name before &quot;@&quot;.</source>
        <translation>跳板机“%1”中“@”前的用户名为空。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; has an unclosed &quot;[&quot; around its address.</source>
        <translation>跳板机“%1”的地址缺少与“[”配对的“]”。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; has unexpected text after &quot;]&quot;.</source>
        <translation>跳板机“%1”的“]”之后有多余内容。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; has no valid host name.</source>
        <translation>跳板机“%1”没有有效的主机名。</translation>
    </message>
    <message>
        <source>The jump host &quot;%1&quot; has an invalid port; use a number from 1 to 65535.</source>
        <translation>跳板机“%1”的端口无效；请使用 1 到 65535 之间的数字。</translation>
    </message>
    <message>
        <source>The jump host list &quot;%1&quot; has an empty entry between commas.</source>
        <translation>跳板机列表“%1”的逗号之间有空项。</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SshSession</name>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation>已取消连接 %1。</translation>
    </message>
    <message>
        <source>Could not create an SSH session for %1 (out of memory?).</source>
        <translation>无法为 %1 创建 SSH 会话（内存不足？）。</translation>
    </message>
    <message>
        <source>Could not reach %1 through the jump host %2: %3</source>
        <translation>无法通过跳板机 %2 访问 %1：%3</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out after %2 s. Check that the host is up and reachable from this computer, and that no firewall drops SSH traffic.</source>
        <translation>连接 %1 在 %2 秒后超时。请检查该主机是否已开机、能否从本机访问，以及是否有防火墙丢弃 SSH 流量。</translation>
    </message>
    <message>
        <source>%1 refused the SSH connection (%2). Check the port (is sshd running and listening on it?).</source>
        <translation>%1 拒绝了 SSH 连接（%2）。请检查端口（sshd 是否在运行并监听该端口？）。</translation>
    </message>
    <message>
        <source>Connecting to %1 timed out (%2). Check that the host is up and reachable.</source>
        <translation>连接 %1 超时（%2）。请检查该主机是否已开机且网络可达。</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2. Check the host name, port and network.</source>
        <translation>无法连接 %1：%2。请检查主机名、端口和网络。</translation>
    </message>
    <message>
        <source>Could not open %1 for upload: %2</source>
        <translation>无法打开 %1 进行上传：%2</translation>
    </message>
</context>
<context>
    <name>FateDeployer::SshSession::Private</name>
    <message>
        <source>No host name is set. Enter the host&apos;s name or address.</source>
        <translation>未设置主机名。请输入主机名或地址。</translation>
    </message>
    <message>
        <source>Could not read the SSH configuration file %1: %2. Fix or move the file.</source>
        <translation>无法读取 SSH 配置文件 %1：%2。请修复或移走该文件。</translation>
    </message>
    <message>
        <source>%1 did not present a host key: %2</source>
        <translation>%1 未提供主机密钥：%2</translation>
    </message>
    <message>
        <source>The host key of %1 has CHANGED. Known: %2 %3; presented now: %4 %5 (known_hosts: %6). This may be a reinstalled host or someone intercepting the connection. Nothing was sent. Check the new key with the host&apos;s administrator, then remove the old entry (ssh-keygen -R HOST -f FILE) and connect again.</source>
        <translation>%1 的主机密钥已变更！已记录：%2 %3；当前提供：%4 %5（known_hosts：%6）。可能是主机重装过，也可能有人在拦截连接。未发送任何数据。请与该主机的管理员核对新密钥，然后删除旧条目（ssh-keygen -R HOST -f FILE）再重新连接。</translation>
    </message>
    <message>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <source>Could not check the host key of %1 against %2: %3. Check that the file is readable.</source>
        <translation>无法根据 %2 核对 %1 的主机密钥：%3。请检查该文件是否可读。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3). Verify it and accept it once (in the app, or with --accept-new-host-keys, or with ssh), then try again.</source>
        <translation>%1 的主机密钥未知（%2 %3）。请核实后接受一次（在本程序中、使用 --accept-new-host-keys 或使用 ssh 均可），然后重试。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known (%2 %3) and nobody can be asked to accept it.</source>
        <translation>%1 的主机密钥未知（%2 %3），且无法询问用户是否接受。</translation>
    </message>
    <message>
        <source>Connecting to %1 was cancelled.</source>
        <translation>已取消连接 %1。</translation>
    </message>
    <message>
        <source>The host key of %1 (%2 %3) was rejected; not connecting.</source>
        <translation>%1 的主机密钥（%2 %3）已被拒绝；不进行连接。</translation>
    </message>
    <message>
        <source>Could not add the host key of %1 to %2: %3. Check that the file is writable.</source>
        <translation>无法将 %1 的主机密钥添加到 %2：%3。请检查该文件是否可写。</translation>
    </message>
    <message>
        <source>key file %1 does not exist</source>
        <translation>密钥文件 %1 不存在</translation>
    </message>
    <message>
        <source>key %1</source>
        <translation>密钥 %1</translation>
    </message>
    <message>
        <source>key %1 not accepted</source>
        <translation>密钥 %1 未被接受</translation>
    </message>
    <message>
        <source>key %1 could not be unlocked (wrong or no passphrase)</source>
        <translation>无法解锁密钥 %1（私钥口令错误或未提供）</translation>
    </message>
    <message>
        <source>password not given</source>
        <translation>未提供密码</translation>
    </message>
    <message>
        <source>no password available</source>
        <translation>没有可用的密码</translation>
    </message>
    <message>
        <source>password rejected</source>
        <translation>密码被拒绝</translation>
    </message>
    <message>
        <source>keyboard-interactive answer not given</source>
        <translation>未提供 keyboard-interactive 应答</translation>
    </message>
    <message>
        <source>nobody to answer keyboard-interactive prompts</source>
        <translation>无人回答 keyboard-interactive 提示</translation>
    </message>
    <message>
        <source>keyboard-interactive rejected</source>
        <translation>keyboard-interactive 认证被拒绝</translation>
    </message>
    <message>
        <source>The connection to %1 failed during login: %2</source>
        <translation>登录期间与 %1 的连接失败：%2</translation>
    </message>
    <message>
        <source>Logging in to %1 was cancelled.</source>
        <translation>已取消登录 %1。</translation>
    </message>
    <message>
        <source>%1 closed the connection during login (%2). Too many attempts or a login timeout on the server; try again.</source>
        <translation>%1 在登录期间关闭了连接（%2）。可能是尝试次数过多或服务器端登录超时；请重试。</translation>
    </message>
    <message>
        <source>Could not log in to %1 as %2. The server offers: %3. Tried: %4%5. Check the user name, the key or password, or choose the authentication method for this host.</source>
        <translation>无法以 %2 身份登录 %1。服务器支持：%3。已尝试：%4%5。请检查用户名、密钥或密码，或为该主机选择认证方式。</translation>
    </message>
    <message>
        <source>nothing</source>
        <translation>无</translation>
    </message>
    <message>
        <source>nothing usable</source>
        <translation>无可用方式</translation>
    </message>
    <message>
        <source>The connection to %1 was lost while %2: %3. Check that the host is up and reachable, then run the step again.</source>
        <translation>%2时与 %1 的连接断开：%3。请检查该主机是否已开机且网络可达，然后重新运行该步骤。</translation>
    </message>
    <message>
        <source>process group %1 on %2 is still running after SIGKILL</source>
        <translation>%2 上的进程组 %1 在 SIGKILL 之后仍在运行</translation>
    </message>
    <message>
        <source>Not connected to %1; connect first.</source>
        <translation>未连接到 %1；请先连接。</translation>
    </message>
    <message>
        <source>Cancelled before running the command on %1.</source>
        <translation>在 %1 上运行命令之前已取消。</translation>
    </message>
    <message>
        <source>opening a channel</source>
        <translation>打开通道</translation>
    </message>
    <message>
        <source>starting a command</source>
        <translation>启动命令</translation>
    </message>
    <message>
        <source>running a command</source>
        <translation>运行命令</translation>
    </message>
    <message>
        <source>Cancelled; the command on %1 was stopped.</source>
        <translation>已取消；%1 上的命令已停止。</translation>
    </message>
    <message>
        <source>The command on %1 did not finish within %2 s and was stopped.</source>
        <translation>%1 上的命令未在 %2 秒内完成，已被停止。</translation>
    </message>
    <message>
        <source>Sending data to %1 failed: %2</source>
        <translation>向 %1 发送数据失败：%2</translation>
    </message>
    <message>
        <source>Stopping it remotely failed: %1.</source>
        <translation>远程停止失败：%1。</translation>
    </message>
    <message>
        <source>The command on %1 printed nothing and made no transfer progress for %2 s (inactivity timeout) and was stopped.</source>
        <translation>%1 上的命令在 %2 秒内没有输出，也没有传输进展（无活动超时），已被停止。</translation>
    </message>
    <message>
        <source>password rejected %1 times</source>
        <translation>密码被拒绝 %1 次</translation>
    </message>
    <message>
        <source>keyboard-interactive answer rejected</source>
        <translation>keyboard-interactive 应答被拒绝</translation>
    </message>
    <message>
        <source>connection reset by the host or the network (%1)</source>
        <translation>连接被主机或网络重置（%1）</translation>
    </message>
    <message>
        <source>connection refused (%1)</source>
        <translation>连接被拒绝（%1）</translation>
    </message>
    <message>
        <source>timeout (%1)</source>
        <translation>超时（%1）</translation>
    </message>
    <message>
        <source>the connection was closed without a reason</source>
        <translation>连接被关闭，未给出原因</translation>
    </message>
    <message>
        <source>timeout: no answer to a keepalive within %1 s</source>
        <translation>超时：%1 秒内未收到 keepalive 应答</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TarStream</name>
    <message>
        <source>cannot write the archive: %1</source>
        <translation>无法写入归档文件：%1</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TeardownDialog</name>
    <message>
        <source>&amp;Stop the containers (keep them and all data)</source>
        <translation>停止容器（保留容器及全部数据）(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Remove the containers and networks (keep the data directory)</source>
        <translation>移除容器和网络（保留数据目录）(&amp;R)</translation>
    </message>
    <message>
        <source>Only the parties selected in the topology</source>
        <translation>仅限拓扑中选中的参与方</translation>
    </message>
    <message>
        <source>Delete deployment</source>
        <translation>删除部署</translation>
    </message>
    <message>
        <source>How much should be removed from the hosts? This cannot be undone.</source>
        <translation>要从主机上删除哪些内容？此操作无法撤销。</translation>
    </message>
    <message>
        <source>Remove &amp;everything, including the deployment directory and its data</source>
        <translation>全部删除，包括部署目录及其数据(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Delete deployment</source>
        <translation>删除部署(&amp;D)</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TemplateDownloader</name>
    <message>
        <source>&quot;%1&quot; is not an http(s) URL</source>
        <translation>“%1”不是 http(s) URL</translation>
    </message>
    <message>
        <source>cannot write into the template cache %1</source>
        <translation>无法写入模板缓存 %1</translation>
    </message>
    <message>
        <source>Downloading %1…</source>
        <translation>正在下载 %1…</translation>
    </message>
    <message>
        <source>download of %1 cancelled</source>
        <translation>%1 的下载已取消</translation>
    </message>
    <message>
        <source>cannot write the download into %1: %2</source>
        <translation>无法将下载内容写入 %1：%2</translation>
    </message>
    <message>
        <source>download of %1 timed out (no data for %2 s); check the network or proxy, or set a mirror</source>
        <translation>下载 %1 超时（%2 秒内没有收到数据）；请检查网络或代理，或设置镜像站</translation>
    </message>
    <message>
        <source>%1 was not found (HTTP 404); check the KubeFATE version or the mirror address</source>
        <translation>未找到 %1（HTTP 404）；请检查 KubeFATE 版本或镜像站地址</translation>
    </message>
    <message>
        <source>download of %1 failed: %2</source>
        <translation>下载 %1 失败：%2</translation>
    </message>
    <message>
        <source>%1 returned a web page instead of an archive (a login page or a proxy error?); check the mirror address</source>
        <translation>%1 返回的是网页而不是归档文件（登录页或代理错误？）；请检查镜像站地址</translation>
    </message>
    <message>
        <source>the download of %1 has sha256 %2, but %3 is expected; the file was not kept</source>
        <translation>下载的 %1 的 sha256 为 %2，但预期为 %3；未保留该文件</translation>
    </message>
    <message>
        <source>Unpacking…</source>
        <translation>正在解包…</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TemplateFiles</name>
    <message>
        <source>template file %1 has no &quot;%2&quot; to set; the KubeFATE %3 templates look damaged or edited, restore that file from the release</source>
        <translation>模板文件 %1 中没有可设置的“%2”；KubeFATE %3 模板似乎已损坏或被修改，请从发布包中恢复该文件</translation>
    </message>
    <message>
        <source>template file %1 is missing from %2; the KubeFATE %3 templates are incomplete</source>
        <translation>%2 中缺少模板文件 %1；KubeFATE %3 模板不完整</translation>
    </message>
    <message>
        <source>cannot read template file %1: %2</source>
        <translation>无法读取模板文件 %1：%2</translation>
    </message>
    <message>
        <source>template folder %1 is missing from %2; the KubeFATE %3 templates are incomplete</source>
        <translation>%2 中缺少模板文件夹 %1；KubeFATE %3 模板不完整</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TemplateSources</name>
    <message>
        <source>cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>template folder %1 does not exist; choose the folder of a KubeFATE 1.1.0 checkout or release</source>
        <translation>模板文件夹 %1 不存在；请选择 KubeFATE 1.1.0 代码检出或发布包所在的文件夹</translation>
    </message>
    <message>
        <source>no KubeFATE templates found at %1: expected a root .env and docker-deploy/ with docker-configuration.sh, docker-auto-deploy.sh and docker-example-dir-tree/</source>
        <translation>在 %1 未找到 KubeFATE 模板：应包含根目录下的 .env，以及含有 docker-configuration.sh、docker-auto-deploy.sh 和 docker-example-dir-tree/ 的 docker-deploy/</translation>
    </message>
    <message>
        <source>template archive %1 does not exist</source>
        <translation>模板归档文件 %1 不存在</translation>
    </message>
    <message>
        <source>template archive %1 has sha256 %2, but the project expects %3; download it again or correct the checksum</source>
        <translation>模板归档文件 %1 的 sha256 为 %2，但项目预期为 %3；请重新下载或更正校验和</translation>
    </message>
    <message>
        <source>unknown template source</source>
        <translation>未知的模板来源</translation>
    </message>
    <message>
        <source>the templates of %1 are not downloaded yet; download them first</source>
        <translation>%1 的模板尚未下载；请先下载</translation>
    </message>
    <message>
        <source>the download of %1 has sha256 %2, but the project expects %3; download it again</source>
        <translation>下载的 %1 的 sha256 为 %2，但项目预期为 %3；请重新下载</translation>
    </message>
    <message>
        <source>the templates of %1 are no longer in the cache; download them again</source>
        <translation>%1 的模板已不在缓存中；请重新下载</translation>
    </message>
    <message>
        <source>KubeFATE %1 templates found at %2: not supported yet; FATE Deployer renders the templates of KubeFATE 1.1.0, v1.11 and v2.0</source>
        <translation>在 %2 找到 KubeFATE %1 模板：暂不支持；FATE Deployer 目前渲染 KubeFATE 1.1.0、v1.11 和 v2.0 的模板</translation>
    </message>
</context>
<context>
    <name>FateDeployer::TopologyPage</name>
    <message>
        <source>Toggle exchange</source>
        <translation>启用/停用 Exchange</translation>
    </message>
    <message>
        <source>Change exchange host</source>
        <translation>修改 Exchange 主机</translation>
    </message>
    <message>
        <source>Change exchange port</source>
        <translation>修改 Exchange 端口</translation>
    </message>
    <message>
        <source>Change exchange SSH user</source>
        <translation>修改 Exchange SSH 用户</translation>
    </message>
    <message>
        <source>Change exchange directory</source>
        <translation>修改 Exchange 目录</translation>
    </message>
    <message>
        <source>Rename project</source>
        <translation>重命名项目</translation>
    </message>
    <message>
        <source>Change default SSH user</source>
        <translation>修改默认 SSH 用户</translation>
    </message>
    <message>
        <source>Change default SSH port</source>
        <translation>修改默认 SSH 端口</translation>
    </message>
    <message>
        <source>Change base directory</source>
        <translation>修改基础目录</translation>
    </message>
    <message>
        <source>Press Enter or double-click to go to the field.</source>
        <translation>按 Enter 或双击可跳转到对应字段。</translation>
    </message>
    <message>
        <source>%1 (default)</source>
        <translation>%1（默认）</translation>
    </message>
    <message>
        <source>No problems found.</source>
        <translation>未发现问题。</translation>
    </message>
    <message numerus="yes">
        <source>Problems: %n error(s)</source>
        <translation>
            <numerusform>问题：%n 个错误</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>%n 个警告</numerusform>
        </translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>Add a party (Ctrl+Shift+N)</source>
        <translation>添加参与方 (Ctrl+Shift+N)</translation>
    </message>
    <message>
        <source>Ctrl+Shift+N</source>
        <translation>Ctrl+Shift+N</translation>
    </message>
    <message>
        <source>D&amp;uplicate</source>
        <translation>复制(&amp;U)</translation>
    </message>
    <message>
        <source>Copy the selected party&apos;s settings into a new party</source>
        <translation>将选中参与方的设置复制到一个新参与方</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>删除(&amp;R)</translation>
    </message>
    <message>
        <source>Remove the selected parties</source>
        <translation>删除选中的参与方</translation>
    </message>
    <message>
        <source>Change exchange SSH key file</source>
        <translation>修改 Exchange 的 SSH 私钥文件</translation>
    </message>
    <message>
        <source>Change exchange jump host</source>
        <translation>修改 Exchange 的跳板机</translation>
    </message>
    <message>
        <source>agent or ~/.ssh keys</source>
        <translation>SSH agent 或 ~/.ssh 中的密钥</translation>
    </message>
    <message>
        <source>direct; or [user@]host[:port], several separated by commas</source>
        <translation>直连；或 [user@]host[:port]，多个用逗号分隔</translation>
    </message>
    <message>
        <source>Compare it with the coordinator&apos;s by phone or chat: the same fingerprint is the same federation file</source>
        <translation>请通过电话或聊天与协调方的指纹核对：指纹相同即为同一个联邦文件</translation>
    </message>
    <message>
        <source>Federation file, revision %1; fingerprint:</source>
        <translation>联邦文件，修订版 %1；指纹：</translation>
    </message>
</context>
<context>
    <name>FateDeployer::Validator</name>
    <message>
        <source>is required</source>
        <translation>为必填项</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv4 address or host name</source>
        <translation>“%1”不是有效的 IPv4 地址或主机名</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid IPv6 address</source>
        <translation>“%1”不是有效的 IPv6 地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid user name (lowercase letters, digits, _ and -, starting with a letter or _)</source>
        <translation>“%1”不是有效的用户名（由小写字母、数字、_ 和 - 组成，以字母或 _ 开头）</translation>
    </message>
    <message>
        <source>must not contain NUL or line breaks</source>
        <translation>不能包含 NUL 或换行符</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an absolute path</source>
        <translation>“%1”不是绝对路径</translation>
    </message>
    <message>
        <source>must not be the root directory</source>
        <translation>不能是根目录</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not contain &quot;..&quot;</source>
        <translation>“%1”不能包含“..”</translation>
    </message>
    <message>
        <source>%1 is not a port number between 1 and 65535</source>
        <translation>%1 不是 1 到 65535 之间的端口号</translation>
    </message>
    <message>
        <source>the project has no name</source>
        <translation>项目没有名称</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image prefix (lowercase letters, digits, and . _ - / between them)</source>
        <translation>“%1”不是有效的镜像前缀（由小写字母、数字组成，中间可用 . _ - /）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid image tag</source>
        <translation>“%1”不是有效的镜像标签</translation>
    </message>
    <message>
        <source>a private registry needs its address, e.g. harbor.example.com/fate</source>
        <translation>私有镜像仓库需要填写地址，例如 harbor.example.com/fate</translation>
    </message>
    <message>
        <source>must not contain spaces, quotes or $</source>
        <translation>不能包含空格、引号或 $</translation>
    </message>
    <message>
        <source>add at least one party</source>
        <translation>请至少添加一个参与方</translation>
    </message>
    <message>
        <source>%1 is not a positive whole number</source>
        <translation>%1 不是正整数</translation>
    </message>
    <message>
        <source>%1 is already used by parties[%2]</source>
        <translation>%1 已被 parties[%2] 使用</translation>
    </message>
    <message>
        <source>%1 also runs parties[%2]; FATE 1.1 publishes ports 9370, 8080, 9360 and 9380 on the host, so the two parties would clash</source>
        <translation>%1 上还运行着 parties[%2]；FATE 1.1 会在主机上发布 9370、8080、9360 和 9380 端口，两个参与方会发生冲突</translation>
    </message>
    <message>
        <source>KubeFATE %1 always deploys an exchange</source>
        <translation>KubeFATE %1 总会部署 Exchange</translation>
    </message>
    <message>
        <source>%1 is not a party of this project</source>
        <translation>%1 不是本项目的参与方</translation>
    </message>
    <message>
        <source>must be between 10 and 3600 seconds</source>
        <translation>必须在 10 到 3600 秒之间</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not the address of a host; write the address the other hosts reach it at</source>
        <translation>“%1”不是主机地址；请填写其他主机访问它时使用的地址</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is a system directory; use a dedicated one such as /data/projects/fate</source>
        <translation>“%1”是系统目录；请使用专用目录，例如 /data/projects/fate</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid jump host; write [user@]host[:port], several separated by commas</source>
        <translation>“%1”不是有效的跳板机；请按 [user@]host[:port] 格式填写，多个之间用逗号分隔</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: %2</source>
        <translation>“%1”：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot;: write the registry address without a scheme, e.g. harbor.example.com/fate</source>
        <translation>“%1”：镜像仓库地址不要带协议前缀，例如 harbor.example.com/fate</translation>
    </message>
    <message>
        <source>&quot;%1&quot; must not end with &quot;/&quot;; image names would get a double slash</source>
        <translation>“%1”不能以“/”结尾，否则镜像名中会出现双斜杠</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid registry address (host[:port][/project], project in lowercase)</source>
        <translation>“%1”不是有效的镜像仓库地址（host[:port][/project]，project 须为小写）</translation>
    </message>
    <message>
        <source>KubeFATE &quot;%1&quot; is not supported yet; supported versions: %2</source>
        <translation>暂不支持 KubeFATE“%1”；支持的版本：%2</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a SHA-256 checksum (64 hexadecimal digits)</source>
        <translation>“%1”不是 SHA-256 校验和（64 位十六进制数字）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an http:// or https:// address</source>
        <translation>“%1”不是 http:// 或 https:// 地址</translation>
    </message>
    <message>
        <source>%1 is a loopback address; the other parties cannot reach it</source>
        <translation>%1 是环回地址；其他参与方无法访问</translation>
    </message>
    <message>
        <source>must not contain NUL</source>
        <translation>不能包含 NUL</translation>
    </message>
    <message>
        <source>KubeFATE 2.0.0&apos;s parties never route to the exchange, so it has no effect; disable it</source>
        <translation>KubeFATE 2.0.0 的参与方从不经由 Exchange 路由，因此 Exchange 不起作用；请将其关闭</translation>
    </message>
    <message>
        <source>%1 is a loopback address; the parties cannot reach it</source>
        <translation>%1 是环回地址；参与方无法访问</translation>
    </message>
    <message>
        <source>%1 is already published on %2 by parties[%3]; use another port (KubeFATE uses 9371)</source>
        <translation>parties[%3] 已在 %2 上发布了端口 %1；请使用其他端口（KubeFATE 使用 9371）</translation>
    </message>
    <message>
        <source>the guest and the host must be two different parties; both are %1</source>
        <translation>guest 和 host 必须是两个不同的参与方；现在都是 %1</translation>
    </message>
    <message>
        <source>no KubeFATE templates chosen: choose a KubeFATE folder or release archive, or download tag %1</source>
        <translation>未选择 KubeFATE 模板：请选择 KubeFATE 文件夹或发布包，或下载标签 %1</translation>
    </message>
    <message>
        <source>KubeFATE %1 has no FATE-Serving bundle; the serving host is ignored</source>
        <translation>KubeFATE %1 没有 FATE-Serving 部署包；serving 主机将被忽略</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not one of %2 (KubeFATE %3)</source>
        <translation>“%1”不是 %2 之一（KubeFATE %3）</translation>
    </message>
    <message>
        <source>%1 is not a number of cores between 1 and 4096</source>
        <translation>%1 不是 1 到 4096 之间的核数</translation>
    </message>
    <message>
        <source>%1 is not a number of GPUs between 1 and 64</source>
        <translation>%1 不是 1 到 64 之间的 GPU 数量</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an HDFS address such as hdfs://namenode:9000</source>
        <translation>“%1”不是 HDFS 地址，例如 hdfs://namenode:9000</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a MySQL user name (1 to 32 letters, digits and _)</source>
        <translation>“%1”不是有效的 MySQL 用户名（1 到 32 个字母、数字和 _）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a database name (1 to 32 letters, digits and _)</source>
        <translation>“%1”不是有效的数据库名（1 到 32 个字母、数字和 _）</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a time zone such as UTC or Asia/Shanghai</source>
        <translation>“%1”不是时区，例如 UTC 或 Asia/Shanghai</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a login name (1 to 64 letters, digits and _ . @ -)</source>
        <translation>“%1”不是有效的登录名（1 到 64 个字母、数字和 _ . @ -）</translation>
    </message>
    <message>
        <source>%1 already runs the serving of parties[%2]; FATE-Serving publishes ports 8000, 8059, 8869 and 8350 on the host, so the two would clash</source>
        <translation>%1 上已运行 parties[%2] 的 serving；FATE-Serving 会在主机上发布 8000、8059、8869 和 8350 端口，两者会发生冲突</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not possible with computing %2; choose %3</source>
        <translation>计算引擎为 %2 时不能使用“%1”；请选择 %3</translation>
    </message>
    <message>
        <source> or </source>
        <translation> 或 </translation>
    </message>
    <message>
        <source>the key file %1 does not exist on this computer; choose the private key, e.g. ~/.ssh/id_ed25519</source>
        <translation>本机上不存在私钥文件 %1；请选择私钥，例如 ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a third-party image name; list names such as mysql, redis (without tag)</source>
        <translation>“%1”不是第三方镜像名称；请填写 mysql、redis 这样的名称（不带标签）</translation>
    </message>
    <message>
        <source>the others reach it at %1 but it is deployed over SSH at %2, and no note says why; add a note (e.g. &quot;NAT: public address of the firewall&quot;)</source>
        <translation>其他方通过 %1 访问它，但它通过 SSH 部署在 %2，且没有备注说明原因；请添加备注（例如“NAT：防火墙的公网地址”）</translation>
    </message>
    <message>
        <source>party %1 is deployed by another team, and the toy example runs on the guest&apos;s host; choose one of your parties as the guest</source>
        <translation>参与方 %1 由其他团队部署，而 toy example 在 guest 的主机上运行；请选择您自己的一个参与方作为 guest</translation>
    </message>
    <message>
        <source>every host is deployed by another team, so this project deploys nothing; mark your own parties as yours</source>
        <translation>所有主机都由其他团队部署，因此本项目不会部署任何内容；请将您自己的参与方标记为本项目的</translation>
    </message>
</context>
<context>
    <name>FateDeployer::WelcomePage</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Read docker-configuration.sh or parties.conf and .env</source>
        <translation>读取 docker-configuration.sh 或 parties.conf，以及 .env</translation>
    </message>
</context>
<context>
    <name>ImagesPage</name>
    <message>
        <source>KubeFATE templates</source>
        <translation>KubeFATE 模板</translation>
    </message>
    <message>
        <source>KubeFATE &amp;version:</source>
        <translation>KubeFATE 版本(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>来源(&amp;S)：</translation>
    </message>
    <message>
        <source>&amp;Location:</source>
        <translation>位置(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>SHA-&amp;256:</source>
        <translation>SHA-256(&amp;2)：</translation>
    </message>
    <message>
        <source>optional: expected checksum of the archive</source>
        <translation>可选：归档文件的预期校验和</translation>
    </message>
    <message>
        <source>&amp;Mirror:</source>
        <translation>镜像站(&amp;M)：</translation>
    </message>
    <message>
        <source>optional: base URL of a download mirror</source>
        <translation>可选：下载镜像站的基础 URL</translation>
    </message>
    <message>
        <source>&amp;Download templates</source>
        <translation>下载模板(&amp;D)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Images</source>
        <translation>镜像</translation>
    </message>
    <message>
        <source>Image &amp;prefix:</source>
        <translation>镜像前缀(&amp;P)：</translation>
    </message>
    <message>
        <source>Image &amp;tag:</source>
        <translation>镜像标签(&amp;T)：</translation>
    </message>
    <message>
        <source>&amp;Base tag:</source>
        <translation>基础镜像标签(&amp;B)：</translation>
    </message>
    <message>
        <source>B&amp;uilder tag:</source>
        <translation>构建镜像标签(&amp;U)：</translation>
    </message>
    <message>
        <source>Registry</source>
        <translation>镜像仓库</translation>
    </message>
    <message>
        <source>Docker &amp;Hub</source>
        <translation>Docker &amp;Hub</translation>
    </message>
    <message>
        <source>P&amp;rivate registry (e.g. Harbor, for offline sites)</source>
        <translation>私有镜像仓库（如 Harbor，适用于离线环境）(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Address:</source>
        <translation>地址(&amp;A)：</translation>
    </message>
    <message>
        <source>harbor.example.com/fate</source>
        <translation>harbor.example.com/fate</translation>
    </message>
    <message>
        <source>User &amp;name:</source>
        <translation>用户名(&amp;N)：</translation>
    </message>
    <message>
        <source>Pass&amp;word:</source>
        <translation>密码(&amp;W)：</translation>
    </message>
    <message>
        <source>Test &amp;login</source>
        <translation>测试登录(&amp;L)</translation>
    </message>
    <message>
        <source>Images each host will need</source>
        <translation>每台主机所需的镜像</translation>
    </message>
    <message>
        <source>Host / image</source>
        <translation>主机 / 镜像</translation>
    </message>
    <message>
        <source>On the host</source>
        <translation>主机上</translation>
    </message>
    <message>
        <source>&amp;Check images on hosts</source>
        <translation>检查主机上的镜像(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;From Docker Hub:</source>
        <translation>从 Docker Hub(&amp;F)：</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Deployment</source>
        <translation>部署</translation>
    </message>
    <message>
        <source>Hosts in &amp;parallel:</source>
        <translation>并行主机数(&amp;P)：</translation>
    </message>
    <message>
        <source>SSH &amp;connect timeout:</source>
        <translation>SSH 连接超时(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;known_hosts file:</source>
        <translation>known_hosts 文件(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <source>Interface</source>
        <translation>界面</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>Log lines &amp;kept in view:</source>
        <translation>日志视图保留行数(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Autosave every:</source>
        <translation>自动保存间隔(&amp;A)：</translation>
    </message>
    <message>
        <source>Inactivity &amp;timeout:</source>
        <translation>无活动超时(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>TopologyPage</name>
    <message>
        <source>Parties</source>
        <translation>参与方</translation>
    </message>
    <message>
        <source>Exchange</source>
        <translation>Exchange</translation>
    </message>
    <message>
        <source>Deploy an exchange (routes traffic between parties)</source>
        <translation>部署 Exchange 交换组件（在参与方之间路由流量）</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>主机(&amp;H)：</translation>
    </message>
    <message>
        <source>e.g. 192.168.7.1</source>
        <translation>例如 192.168.7.1</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>端口(&amp;P)：</translation>
    </message>
    <message>
        <source>SSH &amp;user:</source>
        <translation>SSH 用户(&amp;U)：</translation>
    </message>
    <message>
        <source>&amp;Directory:</source>
        <translation>目录(&amp;D)：</translation>
    </message>
    <message>
        <source>Project defaults</source>
        <translation>项目默认设置</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <source>SSH u&amp;ser:</source>
        <translation>SSH 用户(&amp;S)：</translation>
    </message>
    <message>
        <source>SSH p&amp;ort:</source>
        <translation>SSH 端口(&amp;O)：</translation>
    </message>
    <message>
        <source>&amp;Base directory:</source>
        <translation>基础目录(&amp;B)：</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>SSH &amp;key file:</source>
        <translation>SSH 私钥文件(&amp;K)：</translation>
    </message>
    <message>
        <source>&amp;Jump host:</source>
        <translation>跳板机(&amp;J)：</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <source>FATE Deployer</source>
        <translation>FATE Deployer</translation>
    </message>
    <message>
        <source>Deploy a FATE federation with Docker Compose over SSH, from this deploy machine to every run host.</source>
        <translation>通过 SSH 使用 Docker Compose，从这台部署机将 FATE 联邦部署到每台运行机。</translation>
    </message>
    <message>
        <source>Start from the &amp;two-party example</source>
        <translation>从双参与方示例开始(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Open a project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Import KubeFATE files…</source>
        <translation>导入 KubeFATE 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;Empty project</source>
        <translation>空项目(&amp;E)</translation>
    </message>
    <message>
        <source>Recent projects</source>
        <translation>最近的项目</translation>
    </message>
    <message>
        <source>How it works</source>
        <translation>使用步骤</translation>
    </message>
    <message>
        <source>&lt;ol&gt;&lt;li&gt;&lt;b&gt;Topology&lt;/b&gt;: add each party (party ID and run host), pick the exchange host and how to log in over SSH. Mistakes are marked at the field.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Images &amp;amp; registry&lt;/b&gt;: choose the KubeFATE version, where its templates come from, and Docker Hub or your private registry.&lt;/li&gt;&lt;li&gt;&lt;b&gt;Deploy&lt;/b&gt;: run the preflight check, deploy, and watch every host; retry only the hosts that failed; verify with the toy example.&lt;/li&gt;&lt;li&gt;&lt;b&gt;History&lt;/b&gt;: every run is kept with its log.&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;Passwords are asked when needed and kept only in the system keychain, never in the project file.&lt;/p&gt;</source>
        <translation>&lt;ol&gt;&lt;li&gt;&lt;b&gt;拓扑&lt;/b&gt;：添加每个参与方（参与方 ID 和运行机），选择 Exchange 主机以及 SSH 登录方式。填写错误会在对应字段处标出。&lt;/li&gt;&lt;li&gt;&lt;b&gt;镜像与镜像仓库&lt;/b&gt;：选择 KubeFATE 版本、模板来源，以及使用 Docker Hub 还是私有镜像仓库。&lt;/li&gt;&lt;li&gt;&lt;b&gt;部署&lt;/b&gt;：运行部署前检查，执行部署，并查看每台主机的进度；只重试失败的主机；用 toy example 验证部署。&lt;/li&gt;&lt;li&gt;&lt;b&gt;历史记录&lt;/b&gt;：每次运行都连同日志一起保存。&lt;/li&gt;&lt;/ol&gt;&lt;p&gt;密码在需要时询问，只保存在系统钥匙串中，绝不写入项目文件。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>The two-party example downloads the KubeFATE 1.1.0 templates from GitHub the first time it renders. Offline? On the Images &amp; registry page choose a KubeFATE folder or its release archive (KubeFATE-1.1.0.tar.gz) copied to this machine.</source>
        <translation>两方示例在首次渲染时会从 GitHub 下载 KubeFATE 1.1.0 模板。离线环境？请在“镜像与镜像仓库”页面选择已复制到本机的 KubeFATE 文件夹或其发布包（KubeFATE-1.1.0.tar.gz）。</translation>
    </message>
</context>
</TS>
