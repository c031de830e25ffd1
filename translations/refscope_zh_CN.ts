<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>CompareTargets</name>
    <message>
        <source>an empty target</source>
        <translation>空的目标</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>origin not recorded</source>
        <translation>未记录来源</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>remote host</source>
        <translation>远程主机</translation>
    </message>
    <message>
        <source>recorded by trace-cmd</source>
        <translation>由 trace-cmd 录制</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>主机 %1</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>内核 %1</translation>
    </message>
</context>
<context>
    <name>OutstandingRefs</name>
    <message>
        <source>%1 (put only)</source>
        <translation>%1（仅 put）</translation>
    </message>
    <message>
        <source>Events lost; counts per call site are exact from the kernel's counters</source>
        <translation>有事件丢失；各调用点的计数来自内核自己的计数器，是准确的</translation>
    </message>
    <message>
        <source>Events lost; counts may be incomplete</source>
        <translation>有事件丢失；计数可能不完整</translation>
    </message>
    <message>
        <source>%1 events lost; counts per call site are exact from the kernel's counters</source>
        <translation>丢失了 %1 个事件；各调用点的计数来自内核自己的计数器，是准确的</translation>
    </message>
    <message>
        <source>%1 events lost; counts may be incomplete</source>
        <translation>丢失了 %1 个事件；计数可能不完整</translation>
    </message>
</context>
<context>
    <name>TimelineMarkers</name>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 毫秒</translation>
    </message>
    <message>
        <source>%1 µs</source>
        <translation>%1 微秒</translation>
    </message>
    <message>
        <source>%1 ns</source>
        <translation>%1 纳秒</translation>
    </message>
    <message>
        <source>A %1 s</source>
        <translation>A %1 秒</translation>
    </message>
    <message>
        <source>B %1 s</source>
        <translation>B %1 秒</translation>
    </message>
    <message>
        <source>Click to place marker A, right-click for B</source>
        <translation>单击放置标记 A，右击放置标记 B</translation>
    </message>
    <message>
        <source>Δt %1</source>
        <translation>Δt %1</translation>
    </message>
    <message>
        <source>Δ %1 %2</source>
        <translation>Δ %1 %2</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>Shows why a Linux kernel module cannot be unloaded.</source>
        <translation>显示 Linux 内核模块为什么无法卸载。</translation>
    </message>
    <message>
        <source>Show a saved snapshot (read-only).</source>
        <translation>显示已保存的快照（只读）。</translation>
    </message>
    <message>
        <source>FILE.json</source>
        <translation>文件.json</translation>
    </message>
    <message>
        <source>Boot the lab guest (Debian's kernel under QEMU) and show its modules (the default when this kernel has no loadable modules).</source>
        <translation>启动实验环境虚拟机（QEMU 中运行的 Debian 内核）并显示其中的模块（当前内核不支持可加载模块时默认如此）。</translation>
    </message>
    <message>
        <source>refscope: refusing to run as root. Start it as your own user; it asks for root only through refscope-agent (pkexec).</source>
        <translation>refscope：拒绝以 root 身份运行。请以普通用户启动；它只会通过 refscope-agent（pkexec）申请 root 权限。</translation>
    </message>
    <message>
        <source>refscope: --snapshot and --lab exclude each other.</source>
        <translation>refscope：--snapshot 与 --lab 不能同时使用。</translation>
    </message>
    <message>
        <source>refscope: cannot read %1</source>
        <translation>refscope：无法读取 %1</translation>
    </message>
    <message>
        <source>The kernel the lab guest boots, as an installed release (e.g. 6.12.118+deb12-amd64); implies --lab.</source>
        <translation>实验环境虚拟机启动的内核，填写已安装的版本号（例如 6.12.118+deb12-amd64）；隐含 --lab。</translation>
    </message>
    <message>
        <source>RELEASE</source>
        <translation>版本号</translation>
    </message>
    <message>
        <source>Show another machine's modules, read by the refscope-agent that ssh starts there as root (your own SSH keys and configuration; nothing is asked).</source>
        <translation>显示另一台机器的模块，由 ssh 在那里以 root 身份启动的 refscope-agent 读取（使用你自己的 SSH 密钥和配置；不会询问任何内容）。</translation>
    </message>
    <message>
        <source>[USER@]HOST[:PORT]</source>
        <translation>[用户@]主机[:端口]</translation>
    </message>
    <message>
        <source>How the agent gets root there: auto (directly when you log in as root, else sudo -n), root, sudo or pkexec.</source>
        <translation>代理在那里如何获得 root 权限：auto（以 root 登录时直接运行，否则用 sudo -n）、root、sudo 或 pkexec。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Where refscope-agent is on that machine.</source>
        <translation>refscope-agent 在那台机器上的位置。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>The ssh configuration file to use (ssh -F).</source>
        <translation>要使用的 ssh 配置文件（ssh -F）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>--ssh-privilege is auto, root, sudo or pkexec</source>
        <translation>--ssh-privilege 只能是 auto、root、sudo 或 pkexec</translation>
    </message>
    <message>
        <source>--ssh excludes --snapshot and --lab.</source>
        <translation>--ssh 不能与 --snapshot 或 --lab 同时使用。</translation>
    </message>
</context>
<context>
    <name>refscope::AgentClient</name>
    <message>
        <source>a new connection replaced this one</source>
        <translation>已被新的连接取代</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>代理关闭了连接</translation>
    </message>
    <message>
        <source>the connection to the agent is not open</source>
        <translation>与代理的连接未打开</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>无法启动 %1：%2</translation>
    </message>
    <message>
        <source>not connected to an agent</source>
        <translation>未连接到代理</translation>
    </message>
    <message>
        <source>could not write to the agent: %1</source>
        <translation>无法向代理写入：%1</translation>
    </message>
    <message>
        <source>the agent did not answer %1 within %2 ms</source>
        <translation>代理未在 %2 毫秒内回应 %1</translation>
    </message>
    <message>
        <source>authentication dismissed</source>
        <translation>已取消认证</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>未获授权</translation>
    </message>
    <message>
        <source>the agent (%1) was killed</source>
        <translation>代理（%1）被终止</translation>
    </message>
    <message>
        <source>the agent (%1) exited with code %2</source>
        <translation>代理（%1）退出，退出码 %2</translation>
    </message>
    <message>
        <source>the agent refused the handshake: %1</source>
        <translation>代理拒绝了握手：%1</translation>
    </message>
    <message>
        <source>protocol mismatch: the agent does not speak protocol %1</source>
        <translation>协议不匹配：代理不支持协议 %1</translation>
    </message>
    <message>
        <source>protocol error: the agent sent a line longer than 64 MiB</source>
        <translation>协议错误：代理发来一行超过 64 MiB 的数据</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>协议错误：%1</translation>
    </message>
</context>
<context>
    <name>refscope::AgentSnapshotSource</name>
    <message>
        <source>The connection to %1 ended: %2</source>
        <translation>与 %1 的连接已断开：%2</translation>
    </message>
</context>
<context>
    <name>refscope::BuiltinModuleModel</name>
    <message>
        <source>Built-in module</source>
        <translation>内置模块</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
</context>
<context>
    <name>refscope::CallSite</name>
    <message>
        <source>crypto</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>qdisc</source>
        <translation>排队规则（qdisc）</translation>
    </message>
    <message>
        <source>tc filter</source>
        <translation>tc 过滤器</translation>
    </message>
    <message>
        <source>tc action</source>
        <translation>tc 动作</translation>
    </message>
    <message>
        <source>netfilter</source>
        <translation>netfilter 防火墙规则</translation>
    </message>
    <message>
        <source>bpf</source>
        <translation>BPF 程序</translation>
    </message>
    <message>
        <source>block device</source>
        <translation>块设备</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>the module's own get in open</source>
        <translation>模块在 open 中自己获取的引用</translation>
    </message>
    <message>
        <source>leak-prone: the module's own get</source>
        <translation>可能泄漏：模块自己获取的引用</translation>
    </message>
    <message>
        <source>unknown: never dropped</source>
        <translation>未知：绝不丢弃</translation>
    </message>
</context>
<context>
    <name>refscope::CaptureControl</name>
    <message>
        <source>Capture</source>
        <translation>采集</translation>
    </message>
    <message>
        <source>Record every module's reference count live through refscope-agent (the lab guest, or Read as root)</source>
        <translation>通过 refscope-agent 实时录制每个模块的引用计数（实验环境虚拟机，或以 root 身份读取）</translation>
    </message>
    <message>
        <source>live capture</source>
        <translation>实时采集</translation>
    </message>
    <message>
        <source>Hide RefScope's scans</source>
        <translation>隐藏 RefScope 的扫描</translation>
    </message>
    <message>
        <source>Leave out of the capture the references RefScope's own agent takes and drops while it looks for holders (its loads and unloads stay)</source>
        <translation>采集时略去 RefScope 自身代理程序在查找持有者时获取和释放的引用（其加载和卸载事件仍保留）</translation>
    </message>
    <message>
        <source>capture ended at %1</source>
        <translation>采集结束于 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n event(s) of RefScope's own scans left out)</source>
        <translation>
            <numerusform>%1（略去了 RefScope 自身扫描的 %n 个事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>a new capture</source>
        <translation>开始新的采集</translation>
    </message>
    <message>
        <source>live capture of %1</source>
        <translation>%1 的实时采集</translation>
    </message>
    <message>
        <source>capture of %1, ended at %2</source>
        <translation>%1 的采集，结束于 %2</translation>
    </message>
</context>
<context>
    <name>refscope::CompareModel</name>
    <message>
        <source>Loaded</source>
        <translation>已加载</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Srcversion</source>
        <translation>源码版本</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用计数</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>被依赖</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>污染标记</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>内核 %1</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>The targets differ on this module</source>
        <translation>各目标在此模块上存在差异</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
</context>
<context>
    <name>refscope::CompareWindow</name>
    <message>
        <source>Only differences</source>
        <translation>仅显示差异</translation>
    </message>
    <message>
        <source>Compare modules</source>
        <translation>比较模块</translation>
    </message>
    <message>
        <source>Compare with snapshot</source>
        <translation>与快照比较</translation>
    </message>
    <message>
        <source>RefScope snapshots and sessions (*.json *.rscope);;All files (*)</source>
        <translation>RefScope 快照和会话 (*.json *.rscope);;所有文件 (*)</translation>
    </message>
    <message>
        <source>%1 modules compared, %2 with differences</source>
        <translation>已比较 %1 个模块，其中 %2 个存在差异</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Read this machine, SSH hosts and the lab's guest again</source>
        <translation>重新读取本机、SSH 主机和实验环境虚拟机</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>The modules loaded here now, read without root</source>
        <translation>本机当前加载的模块，无需 root 即可读取</translation>
    </message>
    <message>
        <source>An SSH host…</source>
        <translation>SSH 主机…</translation>
    </message>
    <message>
        <source>The lab's guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>Snapshot file…</source>
        <translation>快照文件…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>the lab guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The lab's guest (%1)</source>
        <translation>实验环境虚拟机（%1）</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Compare with an SSH host</source>
        <translation>与 SSH 主机比较</translation>
    </message>
    <message>
        <source>Host, as [USER@]HOST[:PORT]. RefScope's agent runs there as root, through your own SSH keys and configuration.</source>
        <translation>主机，格式为 [USER@]HOST[:PORT]。RefScope 的代理程序将以 root 身份在该主机上运行，使用你自己的 SSH 密钥和配置。</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>读取中…</translation>
    </message>
    <message>
        <source>not refreshed: %1</source>
        <translation>未能刷新：%1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Add a target to compare with: this machine, an SSH host, the lab's guest or a snapshot file.</source>
        <translation>添加要比较的目标：本机、SSH 主机、实验环境虚拟机或快照文件。</translation>
    </message>
</context>
<context>
    <name>refscope::DependencyGraphView</name>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom in (or turn the mouse wheel)</source>
        <translation>放大（或滚动鼠标滚轮）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>显示整张图</translation>
    </message>
    <message>
        <source>Levels: </source>
        <translation>层数：</translation>
    </message>
    <message>
        <source>How many levels of users and of used modules a neighbourhood shows</source>
        <translation>邻域视图显示多少层使用者和被使用的模块</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>邻域</translation>
    </message>
    <message>
        <source>Show only the selected module, its users and what it uses (or double-click a module)</source>
        <translation>只显示所选模块、它的使用者以及它所使用的模块（也可双击模块）</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Show every loaded module</source>
        <translation>显示所有已加载的模块</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>unused</source>
        <translation>未使用</translation>
    </message>
    <message>
        <source>in use</source>
        <translation>使用中</translation>
    </message>
    <message>
        <source>loading</source>
        <translation>加载中</translation>
    </message>
    <message>
        <source>unloading</source>
        <translation>卸载中</translation>
    </message>
    <message>
        <source>[tainted]</source>
        <translation>[已污染]</translation>
    </message>
    <message>
        <source>double box: permanent · arrow: uses</source>
        <translation>双线框：永久 · 箭头：使用</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>正在布局…</translation>
    </message>
    <message>
        <source>No modules are loaded.</source>
        <translation>没有已加载的模块。</translation>
    </message>
    <message>
        <source>No modules</source>
        <translation>没有模块</translation>
    </message>
    <message>
        <source>1 module</source>
        <translation>1 个模块</translation>
    </message>
    <message>
        <source>%1 modules</source>
        <translation>%1 个模块</translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>1 条连线</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 条连线</translation>
    </message>
    <message>
        <source> around %1</source>
        <translation>，以 %1 为中心</translation>
    </message>
    <message>
        <source>Export the graph as %1</source>
        <translation>将图导出为 %1</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 文件 (*.%2)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
<context>
    <name>refscope::DetailsDock</name>
    <message>
        <source>Module details</source>
        <translation>模块详情</translation>
    </message>
    <message>
        <source>Select a module to see why it is loaded and who holds it.</source>
        <translation>选择一个模块，查看它为何被加载以及谁持有它。</translation>
    </message>
    <message>
        <source>Where it is in its life</source>
        <translation>它处于生命周期的哪一步</translation>
    </message>
    <message>
        <source>%1 is not loaded now.</source>
        <translation>%1 当前未加载。</translation>
    </message>
</context>
<context>
    <name>refscope::EventPane</name>
    <message>
        <source>any PID</source>
        <translation>任意 PID</translation>
    </message>
    <message>
        <source>Every event</source>
        <translation>所有事件</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部显示</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>模块：</translation>
    </message>
    <message>
        <source>PID:</source>
        <translation>PID：</translation>
    </message>
    <message>
        <source>Event:</source>
        <translation>事件：</translation>
    </message>
    <message>
        <source>Select an event to see its fields and kernel stack</source>
        <translation>选择一个事件以查看其字段和内核调用栈</translation>
    </message>
    <message>
        <source>Every module</source>
        <translation>所有模块</translation>
    </message>
    <message>
        <source>Showing the events of %1</source>
        <translation>正在显示 %1 的事件</translation>
    </message>
    <message>
        <source>No kernel stack was recorded with this event (record with stacks: trace-cmd record -T, or RefScope's capture with stacks).</source>
        <translation>此事件没有记录内核调用栈（如需调用栈，请用 trace-cmd record -T 录制，或使用 RefScope 带调用栈的采集）。</translation>
    </message>
    <message>
        <source>Kernel stack:</source>
        <translation>内核调用栈：</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 秒</translation>
    </message>
    <message>
        <source>The table shows the events in the chart's window, or between markers A and B when both are placed</source>
        <translation>表格显示图表窗口内的事件；若已放置标记 A 和 B，则显示两者之间的事件</translation>
    </message>
    <message>
        <source>%1 (not in this recording)</source>
        <translation>%1（不在此录制中）</translation>
    </message>
    <message>
        <source>Search module, call site, PID, comm or text (Ctrl+F)</source>
        <translation>搜索模块、调用点、PID、进程名或文本（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一个匹配（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一个匹配（Enter、F3）</translation>
    </message>
    <message>
        <source>Show only matches</source>
        <translation>仅显示匹配项</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>查找：</translation>
    </message>
    <message>
        <source>%1 of %2 so far (%3%)</source>
        <translation>第 %1 个，目前共 %2 个（已搜索 %3%）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>无匹配</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 个，共 %2 个</translation>
    </message>
    <message>
        <source>Showing the matches of “%1”</source>
        <translation>正在显示“%1”的匹配项</translation>
    </message>
</context>
<context>
    <name>refscope::EventStore</name>
    <message>
        <source>the events' pids, commands and call sites cannot be read back (%1)</source>
        <translation>无法读回这些事件的 PID、命令和调用点（%1）</translation>
    </message>
</context>
<context>
    <name>refscope::EventTableModel</name>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>PID</source>
        <translation>PID</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>计数</translation>
    </message>
    <message>
        <source>Call site</source>
        <translation>调用点</translation>
    </message>
</context>
<context>
    <name>refscope::FileSnapshotSource</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2): %3</source>
        <translation>%1 不是有效的 JSON（第 %2 字节处）：%3</translation>
    </message>
    <message>
        <source>%1 does not hold a snapshot object.</source>
        <translation>%1 中没有快照对象。</translation>
    </message>
    <message>
        <source>%1 is not a RefScope snapshot: %2</source>
        <translation>%1 不是 RefScope 快照：%2</translation>
    </message>
</context>
<context>
    <name>refscope::ForceRelease</name>
    <message>
        <source>Force release…</source>
        <translation>强制释放…</translation>
    </message>
    <message>
        <source>The lab guest's agent is not connected.</source>
        <translation>实验虚拟机的代理尚未连接。</translation>
    </message>
    <message>
        <source>pkexec is not installed (apt install pkexec): RefScope asks polkit through it before it changes the kernel.</source>
        <translation>未安装 pkexec（apt install pkexec）：RefScope 在改动内核之前要通过它询问 polkit。</translation>
    </message>
    <message>
        <source>refscope-agent was not found next to RefScope or where it is installed.</source>
        <translation>在 RefScope 旁边和安装位置都找不到 refscope-agent。</translation>
    </message>
    <message>
        <source>Clear what holds %1 and unload it, step by step</source>
        <translation>逐步清除持有 %1 的对象并卸载它</translation>
    </message>
    <message>
        <source>the timeline's recording</source>
        <translation>时间线的录制</translation>
    </message>
    <message>
        <source>ssh is not installed (apt install openssh-client).</source>
        <translation>未安装 ssh（apt install openssh-client）。</translation>
    </message>
</context>
<context>
    <name>refscope::HolderText</name>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1（%2）</translation>
    </message>
    <message>
        <source>close socket %1 of %2 (%3)</source>
        <translation>关闭 %2 的套接字 %1（%3）</translation>
    </message>
    <message>
        <source>close %1 of %2 (%3)</source>
        <translation>关闭 %2 的 %1（%3）</translation>
    </message>
    <message>
        <source>close socket %1 of %2 (%3), and in pids %4, which share the same open file (fork)</source>
        <translation>关闭 %2 的套接字 %1（%3），并在共享同一打开文件（fork）的 pid %4 中关闭</translation>
    </message>
    <message>
        <source>close %1 of %2 (%3), and in pids %4, which share the same open file (fork)</source>
        <translation>关闭 %2 的 %1（%3），并在共享同一打开文件（fork）的 pid %4 中关闭</translation>
    </message>
    <message>
        <source>fd %1</source>
        <translation>fd %1</translation>
    </message>
    <message>
        <source>fds %1</source>
        <translation>fd %1</translation>
    </message>
    <message>
        <source>detach %1 once nothing uses it (losetup -d %2)</source>
        <translation>在没有人使用后分离 %1（losetup -d %2）</translation>
    </message>
    <message>
        <source>%1 has %2 mapped: end it (kill %3) or make it unmap the file</source>
        <translation>%1 映射了 %2：结束它（kill %3）或让它解除对该文件的映射</translation>
    </message>
    <message>
        <source>umount %1</source>
        <translation>卸载挂载点 %1（umount %1）</translation>
    </message>
    <message>
        <source>unload user module %1 first (rmmod %1)</source>
        <translation>先卸载使用它的模块 %1（rmmod %1）</translation>
    </message>
    <message>
        <source>%1 is not loaded.</source>
        <translation>%1 未加载。</translation>
    </message>
    <message>
        <source>%1 is built into the kernel: it can never be unloaded.</source>
        <translation>%1 已编译进内核：永远无法卸载。</translation>
    </message>
    <message>
        <source>This kernel was built without CONFIG_MODULE_UNLOAD: no module, %1 included, can ever be unloaded.</source>
        <translation>此内核编译时未启用 CONFIG_MODULE_UNLOAD：任何模块（包括 %1）都无法卸载。</translation>
    </message>
    <message>
        <source>%1 has no exit function (permanent): the kernel will never unload it, whatever its count.</source>
        <translation>%1 没有退出函数（permanent）：无论引用计数是多少，内核都不会卸载它。</translation>
    </message>
    <message>
        <source>%1 is still initialising (coming): its loader holds one reference until the init function returns.</source>
        <translation>%1 仍在初始化（coming）：加载它的进程持有一个引用，直到 init 函数返回。</translation>
    </message>
    <message>
        <source>%1 is already being unloaded (going).</source>
        <translation>%1 正在被卸载（going）。</translation>
    </message>
    <message>
        <source>Nothing holds %1: rmmod %1 will unload it.</source>
        <translation>没有任何东西持有 %1：rmmod %1 即可卸载它。</translation>
    </message>
    <message>
        <source>The inferred holders claimed %1 more than the count; those claims are counted as 0.</source>
        <translation>推断出的持有者比引用计数多出 %1 个；这些多出的按 0 计。</translation>
    </message>
    <message>
        <source>wait for %1's init to finish, or interrupt the insmod or modprobe loading it</source>
        <translation>等待 %1 的 init 完成，或中断正在加载它的 insmod 或 modprobe</translation>
    </message>
    <message>
        <source>run as root: other users' processes could not be read, so their holders are missing here</source>
        <translation>以 root 身份运行：无法读取其他用户的进程，因此这里缺少它们的持有者</translation>
    </message>
    <message>
        <source>each inferred open file is counted as 1 reference, but one open can hold more (its file operations and its cdev or socket protocol, as tun's do, or a driver's own get in open): RefScope's helper kernel module counts them exactly</source>
        <translation>每个推断出的打开文件按 1 个引用计算，但一次打开可能持有更多（文件操作加上 cdev 或套接字协议，如 tun；或驱动在 open 中自己的 get）：RefScope 的辅助内核模块能精确计数</translation>
    </message>
    <message>
        <source>reboot: a permanent module leaves only with the kernel</source>
        <translation>重启：永久模块只会随内核一起消失</translation>
    </message>
    <message>
        <source>last resort: RefScope's safe force release (this kernel has CONFIG_MODULE_FORCE_UNLOAD)</source>
        <translation>最后手段：RefScope 的安全强制释放（此内核启用了 CONFIG_MODULE_FORCE_UNLOAD）</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>套接字</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>挂载</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>kernel thread</source>
        <translation>内核线程</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精确</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推断</translation>
    </message>
    <message>
        <source>/sys/module/%1/holders lists %2: it uses %1's symbols</source>
        <translation>/sys/module/%1/holders 列出了 %2：它使用了 %1 的符号</translation>
    </message>
    <message>
        <source>counted as 0: the module's count has no reference left for it (the rule may be wrong here)</source>
        <translation>按 0 计：模块的引用计数里已没有留给它的引用（此处规则可能不准）</translation>
    </message>
    <message>
        <source>sysfs: the device's driver belongs to %1</source>
        <translation>sysfs：该设备的驱动属于 %1</translation>
    </message>
    <message>
        <source>modules.alias: %1</source>
        <translation>modules.alias：%1</translation>
    </message>
    <message>
        <source>sysfs: device %1 is named after the module %2</source>
        <translation>sysfs：设备 %1 以模块 %2 命名</translation>
    </message>
    <message>
        <source>/proc/tty/drivers: tty driver %1</source>
        <translation>/proc/tty/drivers：tty 驱动 %1</translation>
    </message>
    <message>
        <source>/proc/devices: %1 major %2 is "%3"</source>
        <translation>/proc/devices：%1 主设备号 %2 是“%3”</translation>
    </message>
    <message>
        <source>/proc/net/protocols: %1 belongs to %2</source>
        <translation>/proc/net/protocols：%1 属于 %2</translation>
    </message>
    <message>
        <source>netlink protocol %1, modules.alias: %2</source>
        <translation>netlink 协议 %1，modules.alias：%2</translation>
    </message>
    <message>
        <source>filesystem type %1, modules.alias: %2</source>
        <translation>文件系统类型 %1，modules.alias：%2</translation>
    </message>
    <message>
        <source>filesystem type %1 is named after the module</source>
        <translation>文件系统类型 %1 以该模块命名</translation>
    </message>
    <message>
        <source>anonymous inode %1 is named after the module</source>
        <translation>匿名 inode %1 以该模块命名</translation>
    </message>
    <message>
        <source>same superblock as an earlier mount point</source>
        <translation>与前面某个挂载点是同一个超级块</translation>
    </message>
    <message>
        <source>a bound loop device holds its driver until losetup -d</source>
        <translation>已绑定的 loop 设备会一直持有其驱动，直到 losetup -d</translation>
    </message>
    <message>
        <source>mounted from %1 (block %2)</source>
        <translation>挂载自 %1（块设备 %2）</translation>
    </message>
    <message>
        <source>exact: %1</source>
        <translation>精确：%1</translation>
    </message>
    <message>
        <source>exact: %1 (%2)</source>
        <translation>精确：%1（%2）</translation>
    </message>
    <message>
        <source>in no process's file table: a kernel thread or the kernel keeps it after its process closed it</source>
        <translation>不在任何进程的文件表中：其进程关闭后，由内核线程或内核保留着它</translation>
    </message>
    <message>
        <source>the module runs %1 kernel thread(s) of its own, which its exit stops</source>
        <translation>该模块运行着 %1 个自己的内核线程，模块退出时会停止它们</translation>
    </message>
    <message>
        <source>the kernel loads only signed modules here (Secure Boot lockdown or module.sig_enforce) and refused %1: install the helper with DKMS, which signs it with its key, and enroll that key once with `mokutil --import /var/lib/dkms/mok.pub` (then reboot and confirm it in the MOK manager)</source>
        <translation>此内核只加载已签名的模块（Secure Boot lockdown 或 module.sig_enforce），拒绝了 %1：请用 DKMS 安装辅助模块，DKMS 会用它的密钥签名；再用 `mokutil --import /var/lib/dkms/mok.pub` 登记一次该密钥（然后重启，在 MOK 管理器中确认）</translation>
    </message>
    <message>
        <source>loading RefScope's helper module needs root (CAP_SYS_MODULE)</source>
        <translation>加载 RefScope 的辅助模块需要 root 权限（CAP_SYS_MODULE）</translation>
    </message>
    <message>
        <source>%1 was built for another kernel than the running %2: install the helper with DKMS so it is built for this kernel</source>
        <translation>%1 是为另一个内核构建的，而不是正在运行的 %2：请用 DKMS 安装辅助模块，让它为此内核构建</translation>
    </message>
    <message>
        <source>the kernel refused to load %1: %2 (the kernel log may say more)</source>
        <translation>内核拒绝加载 %1：%2（内核日志中可能有更多信息）</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>the loaded refscope_helper speaks interface version %1, this RefScope needs %2: unload it (rmmod refscope_helper) so the matching one is loaded</source>
        <translation>已加载的 refscope_helper 使用接口版本 %1，而此 RefScope 需要 %2：请卸载它（rmmod refscope_helper），以便加载匹配的版本</translation>
    </message>
    <message>
        <source>no process has %1 open any more, yet it holds a reference: a kernel thread or the module itself keeps it, as a module's thread can keep a user's netlink socket open after the user closed it; only the module's own code can let it go</source>
        <translation>已没有进程打开 %1，但它仍持有一个引用：是内核线程或模块本身保留着它，就像模块的线程可以在用户关闭 netlink 套接字之后仍让它保持打开；只有模块自己的代码能释放它</translation>
    </message>
    <message>
        <source>kernel thread %1 holds %2 (%3): only the module's own code can make it let go; a thread that inherited a user's files keeps them open after the user closes them, so the count never returns to 0</source>
        <translation>内核线程 %1 持有 %2（%3）：只有模块自己的代码能让它释放；继承了用户文件的线程在用户关闭后仍会保持它们打开，因此计数永远不会回到 0</translation>
    </message>
    <message>
        <source>kernel thread %1 (pid %2) is named after the module and may hold what no process has open, e.g. a user's socket it kept open after the user closed it</source>
        <translation>内核线程 %1（pid %2）以该模块命名，可能持有没有任何进程打开的东西，例如用户关闭后它仍保持打开的用户套接字</translation>
    </message>
    <message>
        <source>remove %1: %2</source>
        <translation>删除 %1：%2</translation>
    </message>
    <message>
        <source>delete %1: %2</source>
        <translation>删除 %1：%2</translation>
    </message>
    <message>
        <source>turn off swap on %1: %2</source>
        <translation>关闭 %1 上的交换空间：%2</translation>
    </message>
    <message>
        <source>%1 is the only process with AF_ALG sockets (%2): if it uses %3, close them or end it: %4</source>
        <translation>%1 是唯一打开了 AF_ALG 套接字的进程（%2）：如果它在使用 %3，请关闭这些套接字或结束该进程：%4</translation>
    </message>
    <message>
        <source>stop what uses %1: an AF_ALG socket, or a kernel user such as dm-crypt, IPsec or an algorithm built on it</source>
        <translation>停止使用 %1 的对象：AF_ALG 套接字，或 dm-crypt、IPsec、基于它构建的算法等内核使用者</translation>
    </message>
    <message>
        <source>rtnetlink: a %1 of kind %2, which the kernel loads as %3; each one holds a reference</source>
        <translation>rtnetlink：类型为 %2 的 %1，内核以 %3 加载其模块；每个实例持有一个引用</translation>
    </message>
    <message>
        <source>nf_tables: each "%1" expression of a rule holds a reference (modules.alias: %2)</source>
        <translation>nf_tables：规则中的每个“%1”表达式持有一个引用（modules.alias：%2）</translation>
    </message>
    <message>
        <source>nf_tables: each xtables %1 "%2" of a rule (iptables-nft) holds a reference (modules.alias: %3)</source>
        <translation>nf_tables：规则中的每个 xtables %1“%2”（iptables-nft）持有一个引用（modules.alias：%3）</translation>
    </message>
    <message>
        <source>nf_tables: a base chain of type %1 holds a reference (modules.alias: %2)</source>
        <translation>nf_tables：类型为 %1 的基础链持有一个引用（modules.alias：%2）</translation>
    </message>
    <message>
        <source>/proc/swaps: swap on %1 (block %2) keeps the device open</source>
        <translation>/proc/swaps：%1（块设备 %2）上的交换空间使该设备保持打开</translation>
    </message>
    <message>
        <source>could not check %1: holders of these kinds may be missing here (%2)</source>
        <translation>无法检查 %1：这些类型的持有者可能未在此列出（%2）</translation>
    </message>
    <message>
        <source>/proc/crypto: %1 has %2 user(s) besides its registration, each holding a reference on its module</source>
        <translation>/proc/crypto：除注册外，%1 还有 %2 个使用者，每个都持有其模块的一个引用</translation>
    </message>
    <message>
        <source>AF_ALG sockets are open in %1</source>
        <translation>以下进程打开了 AF_ALG 套接字：%1</translation>
    </message>
    <message>
        <source>traffic control</source>
        <translation>流量控制</translation>
    </message>
    <message>
        <source>netfilter</source>
        <translation>netfilter</translation>
    </message>
    <message>
        <source>swap</source>
        <translation>交换空间</translation>
    </message>
    <message>
        <source>crypto</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>nf_tables: each "%1" expression of a rule, built into nf_tables, holds a reference on nf_tables</source>
        <translation>nf_tables：规则中每个内置于 nf_tables 的“%1”表达式都持有 nf_tables 的一个引用</translation>
    </message>
    <message>
        <source>%1 holds the BPF links of %2 (%3): close them or end it: %4</source>
        <translation>%1 持有 %2 的 BPF 链接（%3）：关闭它们或结束该进程：%4</translation>
    </message>
    <message>
        <source>end the processes holding the BPF links of %1: %2</source>
        <translation>结束持有 %1 的 BPF 链接的进程：%2</translation>
    </message>
    <message>
        <source>detach %1: remove its links' pins under /sys/fs/bpf</source>
        <translation>分离 %1：删除其链接在 /sys/fs/bpf 下的固定（pin）</translation>
    </message>
    <message>
        <source>BPF: the programs attached to %1 run through one trampoline, which holds a reference on %2 while any of them is attached</source>
        <translation>BPF：附加到 %1 的程序通过同一个蹦床（trampoline）运行，只要其中任何一个仍附加着，它就持有 %2 的一个引用</translation>
    </message>
    <message>
        <source>BPF</source>
        <translation>BPF</translation>
    </message>
    <message>
        <source>%1 is in use: 1 reference, %2 held by what is listed, %3 unattributed.</source>
        <translation>%1 正在使用：1 个引用，%2 个由所列对象持有，%3 个未归属。</translation>
    </message>
    <message>
        <source>%1 is in use: %2 references, %3 held by what is listed, %4 unattributed.</source>
        <translation>%1 正在使用：%2 个引用，%3 个由所列对象持有，%4 个未归属。</translation>
    </message>
    <message>
        <source>1 reference RefScope could not attribute: record %1's module tracepoints and see the outstanding gets' call sites in the timeline</source>
        <translation>1 个引用 RefScope 无法归属：录制 %1 的 module 跟踪点，并在时间线中查看未归还获取的调用点</translation>
    </message>
    <message>
        <source>%1 references RefScope could not attribute: record %2's module tracepoints and see the outstanding gets' call sites in the timeline</source>
        <translation>%1 个引用 RefScope 无法归属：录制 %2 的 module 跟踪点，并在时间线中查看未归还获取的调用点</translation>
    </message>
    <message>
        <source>see the outstanding gets at call site %1 in the timeline</source>
        <translation>在时间线中查看调用点 %1 处未归还的获取</translation>
    </message>
    <message>
        <source>1 reference RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %1's module tracepoints (%2, or the timeline's Capture) to see who took it</source>
        <translation>1 个引用 RefScope 无法归属：RefScope 看不到所有种类的持有者（排队规则、防火墙规则、BPF 程序、加密套接字、交换分区、传递中的文件……），所以这并不能证明泄漏：录制 %1 的 module 跟踪点（%2，或时间线的“捕获”）以查看是谁获取了它</translation>
    </message>
    <message>
        <source>%1 references RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %2's module tracepoints (%3, or the timeline's Capture) to see who took them</source>
        <translation>%1 个引用 RefScope 无法归属：RefScope 看不到所有种类的持有者（排队规则、防火墙规则、BPF 程序、加密套接字、交换分区、传递中的文件……），所以这并不能证明泄漏：录制 %2 的 module 跟踪点（%3，或时间线的“捕获”）以查看是谁获取了它们</translation>
    </message>
    <message>
        <source>these kinds of holder could not be checked: %1: an unattributed reference may belong to one of them</source>
        <translation>以下种类的持有者无法检查：%1：未归属的引用可能属于其中之一</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: the module took a reference on itself with no holder behind it: leak-prone</source>
        <translation>%2 处有 %1 次获取从未归还：模块给自己获取了引用，背后没有持有者：可能泄漏</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: taken for a %3, which keeps them until it is removed: not a leak, never dropped</source>
        <translation>%2 处有 %1 次获取从未归还：为 %3 获取，在它被移除前一直保留：不是泄漏，绝不丢弃</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: RefScope cannot tell what keeps them: never dropped</source>
        <translation>%2 处有 %1 次获取从未归还：RefScope 无法判断是谁保留着它们：绝不丢弃</translation>
    </message>
    <message>
        <source>the driver's own get in open (%2): %1 more reference(s) of the file that open returned, put back when it is closed</source>
        <translation>驱动在 open 中自己的获取（%2）：open 返回的文件另有 %1 个引用，关闭时归还</translation>
    </message>
    <message>
        <source>This answer is partial: RefScope's helper kernel module was not asked, so the holders are inferred from /proc and some may be missing. For the exact answer run refscope-cli why as root, or with --root.</source>
        <translation>此回答不完整：没有询问 RefScope 的辅助内核模块，持有者是从 /proc 推断的，可能有遗漏。要得到精确回答，请以 root 身份运行 refscope-cli why，或加上 --root。</translation>
    </message>
    <message>
        <source>/proc/net/netlink: protocol %1 is %2, which %3 registers</source>
        <translation>/proc/net/netlink：协议 %1 是 %2，由 %3 注册</translation>
    </message>
    <message>
        <source>one open of %1 takes %2 references: its file operations and its socket protocol</source>
        <translation>打开一次 %1 会占用 %2 个引用：它的文件操作和它的套接字协议</translation>
    </message>
    <message>
        <source>BPF: each program attached to %1 holds a reference on %2 from its loading until it is freed, linked or not</source>
        <translation>BPF：附加到 %1 的每个程序从加载起到被释放为止都持有 %2 的一个引用，无论是否已链接</translation>
    </message>
    <message>
        <source>in flight: sent over a unix socket (SCM_RIGHTS) and not received yet; the receiver, or the socket's last close, lets it go</source>
        <translation>传输中：已通过 unix 套接字（SCM_RIGHTS）发送但尚未被接收；由接收方接收，或该套接字最后一次关闭时，才会释放它</translation>
    </message>
    <message>
        <source>RefScope's helper module is not installed for this kernel (%1 does not exist): install the refscope-helper-dkms package (apt install refscope-helper-dkms), or the helper's sources with DKMS (dkms install refscope_helper/1.0)</source>
        <translation>RefScope 的辅助模块未为此内核安装（%1 不存在）：请安装 refscope-helper-dkms 软件包（apt install refscope-helper-dkms），或用 DKMS 安装辅助模块的源码（dkms install refscope_helper/1.0）</translation>
    </message>
    <message>
        <source>RefScope did not load %1: someone other than root could have changed it (%2). It loads its helper module only from files and directories that only root can write: install the refscope-helper-dkms package (apt install refscope-helper-dkms)</source>
        <translation>RefScope 没有加载 %1：root 以外的人可能改动过它（%2）。RefScope 只从仅 root 可写的文件和目录加载它的辅助模块：请安装 refscope-helper-dkms 软件包（apt install refscope-helper-dkms）</translation>
    </message>
    <message>
        <source>%1 has %2 open (%3): close them or end it: %4</source>
        <translation>%1 打开着 %2（%3）：关闭它们或结束该进程：%4</translation>
    </message>
    <message>
        <source>let go of %1: %2</source>
        <translation>释放 %1：%2</translation>
    </message>
    <message>
        <source>%1: the process that has it open must close it; a socket no process has open any more goes when its connection finishes closing</source>
        <translation>%1：打开它的进程必须关闭它；已没有进程打开的套接字会在其连接关闭完成后消失</translation>
    </message>
    <message>
        <source>nf_tables: a rule's %1 takes the %2 logger of each address family it logs, here %3 reference(s) (nf_logger_find_get; modules.alias: %4)</source>
        <translation>nf_tables：规则的 %1 为其记录的每个地址族获取 %2 日志记录器，这里是 %3 个引用（nf_logger_find_get；modules.alias：%4）</translation>
    </message>
    <message>
        <source>nf_tables: a ct helper object of type %1 holds its conntrack helper once per layer-3 protocol (%2) (nf_conntrack_helper_try_module_get; modules.alias: %3)</source>
        <translation>nf_tables：类型为 %1 的 ct helper 对象对每个三层协议（%2）各持有一次其连接跟踪助手（nf_conntrack_helper_try_module_get；modules.alias：%3）</translation>
    </message>
    <message>
        <source>nf_tables: an iptables-nft rule's target CT --helper %1 holds its conntrack helper (nf_conntrack_helper_try_module_get; modules.alias: %2)</source>
        <translation>nf_tables：iptables-nft 规则的目标 CT --helper %1 持有其连接跟踪助手（nf_conntrack_helper_try_module_get；modules.alias：%2）</translation>
    </message>
    <message>
        <source>sock_diag: %2 TCP socket(s) use the congestion control %1, each holding a reference on its module until it is closed</source>
        <translation>sock_diag：%2 个 TCP 套接字使用拥塞控制 %1，每个在关闭前都持有其模块的一个引用</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_congestion_control: the network namespace's default congestion control %1 holds a reference on its module</source>
        <translation>net.ipv4.tcp_congestion_control：网络命名空间的默认拥塞控制 %1 持有其模块的一个引用</translation>
    </message>
    <message>
        <source>TCP congestion control</source>
        <translation>TCP 拥塞控制</translation>
    </message>
    <message>
        <source>switch %1 to another I/O scheduler: %2</source>
        <translation>将 %1 切换到其他 I/O 调度器：%2</translation>
    </message>
    <message>
        <source>unmount %1: %2</source>
        <translation>取消挂载 %1：%2</translation>
    </message>
    <message>
        <source>detach %1: %2</source>
        <translation>分离 %1：%2</translation>
    </message>
    <message>
        <source>remove the mapped device of %1: %2</source>
        <translation>移除 %1 的映射设备：%2</translation>
    </message>
    <message>
        <source>%1's request queue uses the I/O scheduler %2, which holds a reference (modules.alias: %3)</source>
        <translation>%1 的请求队列使用 I/O 调度器 %2，它持有一个引用（modules.alias：%3）</translation>
    </message>
    <message>
        <source>/proc/self/mountinfo: this %1 filesystem loaded its %2 table, which holds a reference until it is unmounted (modules.alias: %3)</source>
        <translation>/proc/self/mountinfo：这个 %1 文件系统加载了它的 %2 字符表，该表持有一个引用，直到文件系统被取消挂载（modules.alias：%3）</translation>
    </message>
    <message>
        <source>%1 is backed by the block device %2 (block %3) and keeps it open</source>
        <translation>%1 以块设备 %2（块设备 %3）为后端，并一直打开着它</translation>
    </message>
    <message>
        <source>device-mapper: each %2 target in the table of %1 holds a reference on its type (modules.alias: %3)</source>
        <translation>device-mapper：%1 的映射表中每个 %2 目标都持有其目标类型的一个引用（modules.alias：%3）</translation>
    </message>
    <message>
        <source>device-mapper: the table of %1 keeps its device %2 open, once however many targets use it</source>
        <translation>device-mapper：%1 的映射表一直打开着其设备 %2，无论有多少个目标使用它，都只打开一次</translation>
    </message>
    <message>
        <source>device-mapper: every mapped device, %1 here, holds a reference on dm_mod until it is removed</source>
        <translation>device-mapper：每个映射设备（此处为 %1）都持有 dm_mod 的一个引用，直到它被移除</translation>
    </message>
    <message>
        <source>I/O scheduler</source>
        <translation>I/O 调度器</translation>
    </message>
    <message>
        <source>NLS table</source>
        <translation>NLS 字符表</translation>
    </message>
    <message>
        <source>loop backing device</source>
        <translation>loop 后端设备</translation>
    </message>
    <message>
        <source>device-mapper</source>
        <translation>device-mapper</translation>
    </message>
    <message>
        <source>stop the array of %1: %2</source>
        <translation>停止 %1 所在的阵列：%2</translation>
    </message>
    <message>
        <source>end %1, or let it close its io_uring (%3), which keeps %2 open: %4</source>
        <translation>结束 %1，或让它关闭其 io_uring（%3），该 io_uring 使 %2 保持打开：%4</translation>
    </message>
    <message>
        <source>md: the running array %1 holds its %2 personality (modules.alias: %3) until it is stopped</source>
        <translation>md：运行中的阵列 %1 持有其 %2 personality（modules.alias：%3），直到阵列停止</translation>
    </message>
    <message>
        <source>md: the array %1 keeps its members %2 open, one reference each</source>
        <translation>md：阵列 %1 使其成员 %2 保持打开，每个成员一个引用</translation>
    </message>
    <message>
        <source>the io_uring of fd %1 keeps the registered file %2 open (its fdinfo names only the file's name; %3 is the one device node of that name in /dev)</source>
        <translation>fd %1 的 io_uring 使已注册的文件 %2 保持打开（其 fdinfo 只给出文件名；%3 是 /dev 中唯一同名的设备节点）</translation>
    </message>
    <message>
        <source>md array</source>
        <translation>md 阵列</translation>
    </message>
    <message>
        <source>io_uring registered file</source>
        <translation>io_uring 已注册文件</translation>
    </message>
    <message>
        <source>nf_tables: each stateful %1 object holds a reference on the module of its type until it is deleted (modules.alias: %2)</source>
        <translation>nf_tables：每个有状态的 %1 对象都持有其类型所在模块的一个引用，直到该对象被删除（modules.alias：%2）</translation>
    </message>
    <message>
        <source>nf_tables: each stateful %1 object, a type built into nf_tables, holds a reference on nf_tables until it is deleted</source>
        <translation>nf_tables：每个有状态的 %1 对象（其类型内置于 nf_tables）都持有 nf_tables 的一个引用，直到该对象被删除</translation>
    </message>
</context>
<context>
    <name>refscope::HoldersDock</name>
    <message>
        <source>Holders</source>
        <translation>持有者</translation>
    </message>
    <message>
        <source>Read as root…</source>
        <translation>以 root 身份读取…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>进程</translation>
    </message>
    <message>
        <source>FDs</source>
        <translation>FD</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>Refs</source>
        <translation>引用数</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>Show in timeline</source>
        <translation>在时间线中显示</translation>
    </message>
    <message>
        <source>The selected holder's events in the refcount timeline</source>
        <translation>在引用计数时间线中查看所选持有者的事件</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Select a module to see what holds it.</source>
        <translation>选择一个模块以查看谁持有它。</translation>
    </message>
    <message>
        <source>Asking the agent what holds %1…</source>
        <translation>正在询问代理谁持有 %1…</translation>
    </message>
    <message>
        <source>Exact holders from RefScope's helper module.</source>
        <translation>来自 RefScope 辅助模块的精确持有者。</translation>
    </message>
    <message>
        <source>Inferred holders: %1</source>
        <translation>推断出的持有者：%1</translation>
    </message>
    <message>
        <source>The agent could not say what holds %1: %2</source>
        <translation>代理无法确定谁持有 %1：%2</translation>
    </message>
    <message>
        <source>No agent is available: without root, other users' processes cannot be read. Read as root to see every holder.</source>
        <translation>没有可用的代理：没有 root 权限就无法读取其他用户的进程。请以 root 身份读取以查看所有持有者。</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1
Shared by %n forked process(es)</source>
        <translation>
            <numerusform>%1
由 %n 个 fork 出的进程共享</numerusform>
        </translation>
    </message>
    <message>
        <source>Next steps:&lt;ol&gt;%1&lt;/ol&gt;</source>
        <translation>下一步：&lt;ol&gt;%1&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>A saved snapshot does not record holders. Open the lab, or read this machine as root, to see what holds %1.</source>
        <translation>保存的快照不记录持有者。请打开实验环境，或以 root 身份读取本机，以查看是什么持有 %1。</translation>
    </message>
    <message>
        <source>The session file holds no holder report for %1.</source>
        <translation>该会话文件中没有 %1 的持有者报告。</translation>
    </message>
    <message>
        <source>Saved in the session file: what held %1 at %2.</source>
        <translation>保存在会话文件中：%2 时持有 %1 的对象。</translation>
    </message>
    <message>
        <source>Saved in the session file: what held %1 then.</source>
        <translation>保存在会话文件中：当时持有 %1 的对象。</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>撤销：%1</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1</source>
        <translation>未归属的引用（RefScope 看不到它们的持有者）：%1</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1 (not checked: %2)</source>
        <translation>未归属的引用（RefScope 看不到它们的持有者）：%1（未检查：%2）</translation>
    </message>
    <message>
        <source>The count of %1 changed: asking the agent again…</source>
        <translation>%1 的引用计数已变化：正在重新询问代理程序…</translation>
    </message>
    <message>
        <source>%1 is not loaded now: nothing holds it.</source>
        <translation>%1 现在未加载：没有任何东西持有它。</translation>
    </message>
    <message>
        <source>Shown as it was when you last looked: asking the agent again…</source>
        <translation>这是你上次查看时的结果：正在重新询问代理…</translation>
    </message>
    <message>
        <source>Asking the agent again with what the recording says of %1…</source>
        <translation>正在带上记录中关于 %1 的信息再次询问代理…</translation>
    </message>
</context>
<context>
    <name>refscope::LabMachine</name>
    <message>
        <source>cannot run /bin/sh for the lab: %1</source>
        <translation>无法为实验环境运行 /bin/sh：%1</translation>
    </message>
    <message>
        <source>The lab is not installed with RefScope (looked in %1 and %2); reinstall RefScope.</source>
        <translation>实验环境未随 RefScope 安装（已查找 %1 和 %2）；请重新安装 RefScope。</translation>
    </message>
    <message>
        <source>QEMU is not installed; install it (apt install qemu-system-x86).</source>
        <translation>未安装 QEMU；请安装它（apt install qemu-system-x86）。</translation>
    </message>
    <message>
        <source>No kernel the lab can boot is installed; install one (apt install linux-image-amd64).</source>
        <translation>未安装实验环境可启动的内核；请安装一个（apt install linux-image-amd64）。</translation>
    </message>
    <message>
        <source>Kernel %1 is not installed here (there is no /boot/vmlinuz-%1).</source>
        <translation>本机未安装内核 %1（没有 /boot/vmlinuz-%1）。</translation>
    </message>
    <message>
        <source>Kernel %1 has no modules in /lib/modules/%1, so the lab cannot boot it; reinstall it (apt install --reinstall linux-image-%1).</source>
        <translation>内核 %1 在 /lib/modules/%1 中没有模块，实验环境无法启动它；请重新安装（apt install --reinstall linux-image-%1）。</translation>
    </message>
    <message>
        <source>refscope-agent was not found; build it, or reinstall RefScope.</source>
        <translation>未找到 refscope-agent；请构建它，或重新安装 RefScope。</translation>
    </message>
    <message>
        <source>The agent %1 does not exist or is not executable.</source>
        <translation>代理程序 %1 不存在或不可执行。</translation>
    </message>
    <message>
        <source>The agent %1 is under %2, which the lab guest does not see; use a build outside %2.</source>
        <translation>代理程序 %1 位于 %2 下，实验虚拟机看不到该目录；请使用 %2 之外的构建。</translation>
    </message>
    <message>
        <source>The lab guest booted kernel %1, but its agent did not answer within %2 s.</source>
        <translation>实验虚拟机已启动内核 %1，但其代理程序在 %2 秒内没有应答。</translation>
    </message>
    <message>
        <source>The agent's error output</source>
        <translation>代理程序的错误输出</translation>
    </message>
    <message>
        <source>The lab guest did not boot kernel %1 within %2 s; this machine may be busy: try again.</source>
        <translation>实验虚拟机未能在 %2 秒内启动内核 %1；本机可能正忙，请重试。</translation>
    </message>
    <message>
        <source>End of the guest's console</source>
        <translation>虚拟机控制台的末尾</translation>
    </message>
    <message>
        <source>What the lab reported</source>
        <translation>实验环境的报告</translation>
    </message>
    <message>
        <source>The agent in the lab guest exited before answering.</source>
        <translation>实验虚拟机中的代理程序在应答前就退出了。</translation>
    </message>
    <message>
        <source>Its error output</source>
        <translation>其错误输出</translation>
    </message>
    <message>
        <source>The lab guest stopped unexpectedly (kernel %1); open the lab again to boot a fresh one.</source>
        <translation>实验虚拟机意外停止（内核 %1）；请再次打开实验环境以启动一个新的虚拟机。</translation>
    </message>
    <message>
        <source>The lab could not prepare kernel %1 to boot: packing its modules into the guest's boot image failed.</source>
        <translation>实验环境无法准备启动内核 %1：将其模块打包进虚拟机启动镜像失败。</translation>
    </message>
    <message>
        <source>The lab could not boot kernel %1: %2.</source>
        <translation>实验环境无法启动内核 %1：%2。</translation>
    </message>
    <message>
        <source>The lab guest (kernel %1) stopped before it was ready.</source>
        <translation>实验虚拟机（内核 %1）在就绪前停止了。</translation>
    </message>
</context>
<context>
    <name>refscope::LabPanel</name>
    <message>
        <source>Lab</source>
        <translation>实验环境</translation>
    </message>
    <message>
        <source>Not built: build the kmod-examples target.</source>
        <translation>尚未构建：请构建 kmod-examples 目标。</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>加载</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸载</translation>
    </message>
    <message>
        <source>Unloading %1…</source>
        <translation>正在卸载 %1…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>运行</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在运行 %1…</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stopping %1…</source>
        <translation>正在停止 %1…</translation>
    </message>
    <message>
        <source>End the processes the scenario started</source>
        <translation>结束该场景启动的进程</translation>
    </message>
    <message>
        <source>Example modules</source>
        <translation>示例模块</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>场景</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>观察要点</translation>
    </message>
    <message>
        <source>The lab guest is not running.</source>
        <translation>实验环境虚拟机未在运行。</translation>
    </message>
    <message>
        <source>%1: done.</source>
        <translation>%1：完成。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>分步指引</translation>
    </message>
    <message>
        <source>The lab guest is ready (kernel %1).</source>
        <translation>实验环境虚拟机已就绪（内核 %1）。</translation>
    </message>
    <message>
        <source>Waiting for the lab guest (kernel %1)…</source>
        <translation>正在等待实验环境虚拟机（内核 %1）…</translation>
    </message>
    <message>
        <source>%1 (no example modules)</source>
        <translation>%1（无示例模块）</translation>
    </message>
    <message>
        <source>The example modules were not built for this kernel: install its headers (linux-headers-%1) and rebuild.</source>
        <translation>示例模块未针对此内核构建：请安装其头文件（linux-headers-%1）并重新构建。</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>启动</translation>
    </message>
    <message>
        <source>Power the lab guest off and boot the chosen kernel in a fresh one</source>
        <translation>关闭实验虚拟机，并在新的虚拟机中启动所选内核</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>内核</translation>
    </message>
    <message>
        <source>%1 is loaded, with no references: it can be unloaded.</source>
        <translation>%1 已加载，没有引用：可以卸载。</translation>
    </message>
    <message>
        <source>PID %1 (%2)</source>
        <translation>PID %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 is loaded with %n reference(s)</source>
        <translation>
            <numerusform>%1 已加载，有 %n 个引用</numerusform>
        </translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation>，持有者：%1</translation>
    </message>
    <message numerus="yes">
        <source>; %n not attributed to any holder</source>
        <translation>
            <numerusform>；%n 个未归属到任何持有者</numerusform>
        </translation>
    </message>
    <message>
        <source>.</source>
        <translation>。</translation>
    </message>
</context>
<context>
    <name>refscope::LabScenarios</name>
    <message>
        <source>Read a /proc file (testmod)</source>
        <translation>读取一个 /proc 文件（testmod）</translation>
    </message>
    <message>
        <source>Reading /proc/testmod-sample does not pin testmod: its proc_ops have no owner, so the reference count stays 0 and Used by stays empty. Unloading works at once.</source>
        <translation>读取 /proc/testmod-sample 不会钉住 testmod：它的 proc_ops 没有 owner，所以引用计数保持为 0，“被依赖”一栏也为空。卸载可以立即成功。</translation>
    </message>
    <message>
        <source>Hold a character device open (count_demo)</source>
        <translation>保持字符设备处于打开状态（count_demo）</translation>
    </message>
    <message>
        <source>Leave a netlink socket in a kernel thread (stuck_netlink)</source>
        <translation>在内核线程中遗留一个 netlink 套接字（stuck_netlink）</translation>
    </message>
    <message>
        <source>Leak a reference on an error path (leaky_ref)</source>
        <translation>在错误路径上泄漏一个引用（leaky_ref）</translation>
    </message>
    <message>
        <source>Writing "oops" to /proc/leaky_ref takes a reference and returns an error without module_put(): each run adds 1 to the reference count, which never comes down. Used by stays empty and nothing holds the module any more, yet unloading is refused: this is a leak.</source>
        <translation>向 /proc/leaky_ref 写入 "oops" 会获取一个引用，然后不调用 module_put() 就返回错误：每运行一次，引用计数加 1，且永远不会降下来。“被依赖”为空，也没有任何东西再持有该模块，但卸载仍被拒绝：这就是泄漏。</translation>
    </message>
    <message>
        <source>Load a module without an exit function (no_exit)</source>
        <translation>加载一个没有 exit 函数的模块（no_exit）</translation>
    </message>
    <message>
        <source>no_exit has no exit function, so the kernel marks it permanent. Its reference count is 0 and Used by is empty, yet unloading is always refused.</source>
        <translation>no_exit 没有 exit 函数，所以内核把它标记为永久（permanent）。它的引用计数为 0，“被依赖”为空，但卸载总是被拒绝。</translation>
    </message>
    <message>
        <source>Catch a module in its init (slow_init)</source>
        <translation>在模块初始化期间观察它（slow_init）</translation>
    </message>
    <message>
        <source>slow_init's init sleeps for %1 s. Meanwhile the module is coming (loading) with a reference count of 1, and unloading is refused. Stop interrupts insmod: init gives up and the module disappears; left alone, it becomes live with a count of 0.</source>
        <translation>slow_init 的 init 会休眠 %1 秒。在此期间模块处于 coming（加载中）状态，引用计数为 1，卸载会被拒绝。点击“停止”会中断 insmod：init 放弃，模块随之消失；若不干预，它会变为 live，计数为 0。</translation>
    </message>
    <message>
        <source>Use another module's symbol (export_provider)</source>
        <translation>使用另一个模块的符号（export_provider）</translation>
    </message>
    <message>
        <source>export_consumer calls a function that export_provider exports, so the kernel records it as a holder: export_provider's reference count is 1 and Used by lists export_consumer. Unloading export_provider is refused until export_consumer is unloaded first.</source>
        <translation>export_consumer 调用了 export_provider 导出的函数，因此内核把它记为持有者：export_provider 的引用计数为 1，“被依赖”一栏列出 export_consumer。必须先卸载 export_consumer，否则卸载 export_provider 会被拒绝。</translation>
    </message>
    <message>
        <source>Hold loop, tun and fuse through their device files</source>
        <translation>通过设备文件持有 loop、tun 和 fuse</translation>
    </message>
    <message>
        <source>Stock modules are pinned like count_demo: while /dev/loop-control, /dev/net/tun and /dev/fuse are open, loop, tun and fuse each have a reference count above 0 (tun takes 2 per open file) with an empty Used by, and unloading them is refused. Stop closes the files and the counts go back to 0.</source>
        <translation>内核自带的模块也会像 count_demo 一样被钉住：当 /dev/loop-control、/dev/net/tun 和 /dev/fuse 处于打开状态时，loop、tun 和 fuse 的引用计数都大于 0（tun 每个打开的文件占 2 个），“被依赖”为空，卸载会被拒绝。点击“停止”会关闭这些文件，计数回到 0。</translation>
    </message>
    <message>
        <source>there is no lab scenario "%1"</source>
        <translation>没有名为 "%1" 的实验场景</translation>
    </message>
    <message>
        <source>the lab's example modules and programs are not built (build the kmod-examples and stuck-netlink-send targets)</source>
        <translation>实验环境的示例模块和示例程序尚未构建（请构建 kmod-examples 和 stuck-netlink-send 目标）</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2): %3</source>
        <translation>%1 失败（退出状态 %2）：%3</translation>
    </message>
    <message>
        <source>the example module %1 is not built (build the kmod-examples target)</source>
        <translation>示例模块 %1 尚未构建（请构建 kmod-examples 目标）</translation>
    </message>
    <message>
        <source>the lab guest is not running</source>
        <translation>实验环境虚拟机未在运行</translation>
    </message>
    <message>
        <source>While a process keeps /dev/count_demo open, count_demo's reference count is 2: one from the open file's .owner and one from the extra try_module_get() its open() takes on top of it. Used by stays empty, because the user is an open file, not a module, and unloading is refused as busy. Stop closes the file: the count goes back to 0 and the module unloads.</source>
        <translation>当有进程保持 /dev/count_demo 打开时，count_demo 的引用计数为 2：一个来自打开文件的 .owner，另一个来自其 open() 在此之外额外调用的 try_module_get()。“被依赖”一栏为空，因为使用者是一个打开的文件而不是模块；卸载会因“忙”而被拒绝。点击“停止”会关闭文件：计数回到 0，模块即可卸载。</translation>
    </message>
    <message>
        <source>stuck-netlink-send sends one message and exits, but the module's kernel thread keeps the closed socket alive: the reference count stays at 1 with an empty Used by and no process left to blame, because the socket's reference is given back only when the thread closes it, and it never does. Unloading is refused for as long as the guest runs.</source>
        <translation>stuck-netlink-send 发送一条消息后就退出了，但模块的内核线程让已关闭的套接字继续存活：引用计数停在 1，“被依赖”为空，也找不到可以归咎的进程，因为套接字的引用只有在该线程关闭它时才会归还，而它永远不会关闭。只要虚拟机还在运行，卸载就会被拒绝。</translation>
    </message>
    <message>
        <source>the example module %1 did not build for kernel %2, so the lab cannot load it on that kernel: %3</source>
        <translation>示例模块 %1 未能针对内核 %2 构建，因此实验环境无法在该内核上加载它：%3</translation>
    </message>
</context>
<context>
    <name>refscope::LabSnapshotSource</name>
    <message>
        <source>The lab guest is up (booted in %1 s).</source>
        <translation>实验环境虚拟机已启动（用时 %1 秒）。</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>实验环境虚拟机</translation>
    </message>
    <message>
        <source>The lab guest has stopped; open the lab again to boot a new one.</source>
        <translation>实验环境虚拟机已停止；请重新打开实验环境以启动一台新的。</translation>
    </message>
    <message>
        <source>The lab guest is shutting down.</source>
        <translation>实验环境虚拟机正在关闭。</translation>
    </message>
    <message>
        <source>Booting the lab guest (Debian's kernel under QEMU); this takes about ten seconds…</source>
        <translation>正在启动实验虚拟机（QEMU 中的 Debian 内核）；大约需要十秒…</translation>
    </message>
</context>
<context>
    <name>refscope::LastResortBox</name>
    <message>
        <source>Last resort, for references nothing clears</source>
        <translation>最后手段：处理清除不掉的引用</translation>
    </message>
    <message>
        <source>Type the module's name, &lt;b&gt;%1&lt;/b&gt;, to unlock these choices:</source>
        <translation>输入模块名 &lt;b&gt;%1&lt;/b&gt; 以解锁以下选项：</translation>
    </message>
    <message>
        <source>Not offered: %1</source>
        <translation>不可用：%1</translation>
    </message>
    <message>
        <source>Type the name here</source>
        <translation>在此输入名称</translation>
    </message>
</context>
<context>
    <name>refscope::LiveCapture</name>
    <message>
        <source>the agent left during the capture: %1</source>
        <translation>采集过程中代理退出了：%1</translation>
    </message>
    <message>
        <source>a capture is already running</source>
        <translation>已经有一个采集正在运行</translation>
    </message>
    <message>
        <source>the snapshot for the baseline failed: %1</source>
        <translation>获取基线快照失败：%1</translation>
    </message>
    <message>
        <source>the agent's snapshot does not parse: %1</source>
        <translation>无法解析代理发来的快照：%1</translation>
    </message>
    <message>
        <source>tracing did not start: %1</source>
        <translation>跟踪未能启动：%1</translation>
    </message>
    <message>
        <source>tracing did not stop cleanly: %1</source>
        <translation>跟踪未能正常停止：%1</translation>
    </message>
    <message>
        <source>the agent sent an event the store refuses: %1</source>
        <translation>代理发来的事件无法存入事件库：%1</translation>
    </message>
    <message>
        <source>the agent is gone</source>
        <translation>代理已退出</translation>
    </message>
</context>
<context>
    <name>refscope::LocalSnapshotSource</name>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
</context>
<context>
    <name>refscope::MainWindow</name>
    <message>
        <source>RefScope</source>
        <translation>RefScope</translation>
    </message>
    <message>
        <source>No snapshot yet</source>
        <translation>还没有快照</translation>
    </message>
    <message>
        <source>Reading the loaded modules…</source>
        <translation>正在读取已加载的模块…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>实时</translation>
    </message>
    <message>
        <source>Refresh every second</source>
        <translation>每秒刷新一次</translation>
    </message>
    <message>
        <source>Open snapshot…</source>
        <translation>打开快照…</translation>
    </message>
    <message>
        <source>Save snapshot…</source>
        <translation>保存快照…</translation>
    </message>
    <message>
        <source>Open the lab</source>
        <translation>打开实验环境</translation>
    </message>
    <message>
        <source>Read as root…</source>
        <translation>以 root 身份读取…</translation>
    </message>
    <message>
        <source>Filter: module, user or dependency</source>
        <translation>筛选：模块、使用者或依赖</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有状态</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>依赖图</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>内置</translation>
    </message>
    <message>
        <source>This kernel has no loadable module support</source>
        <translation>此内核不支持可加载模块</translation>
    </message>
    <message>
        <source>This kernel (%1) was built without CONFIG_MODULES: every driver is built in, nothing can be loaded or unloaded, and so no module can be stuck. RefScope can boot Debian's kernel in a virtual machine instead and show its modules there.</source>
        <translation>此内核（%1）构建时未启用 CONFIG_MODULES：所有驱动都是内置的，没有任何东西可以加载或卸载，因此也不会有模块卡住。RefScope 可以改为在虚拟机中启动 Debian 内核，并显示其中的模块。</translation>
    </message>
    <message>
        <source>The lab could not start</source>
        <translation>实验环境无法启动</translation>
    </message>
    <message>
        <source>No snapshot</source>
        <translation>没有快照</translation>
    </message>
    <message>
        <source>Opening the lab</source>
        <translation>正在打开实验环境</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>无数据源</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>内核 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s)</source>
        <translation>
            <numerusform>%n 个模块</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>读取于 %1</translation>
    </message>
    <message>
        <source>Open a snapshot</source>
        <translation>打开快照</translation>
    </message>
    <message>
        <source>RefScope snapshots (*.json)</source>
        <translation>RefScope 快照 (*.json)</translation>
    </message>
    <message>
        <source>Save the snapshot</source>
        <translation>保存快照</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>时间线</translation>
    </message>
    <message>
        <source>&amp;Module</source>
        <translation>模块(&amp;M)</translation>
    </message>
    <message>
        <source>Start refscope-agent through pkexec to read what only root may: every holder and every module parameter</source>
        <translation>通过 pkexec 启动 refscope-agent，以读取只有 root 才能读取的内容：所有持有者和所有模块参数</translation>
    </message>
    <message>
        <source>quitting</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Show in graph</source>
        <translation>在依赖图中显示</translation>
    </message>
    <message>
        <source>Show in timeline</source>
        <translation>在时间线中显示</translation>
    </message>
    <message>
        <source>Show holders</source>
        <translation>显示持有者</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>复制名称</translation>
    </message>
    <message>
        <source>Choose another kernel in the Lab panel and press Boot, or fix the cause above and press Boot again.</source>
        <translation>请在实验面板中选择另一个内核并点击“启动”，或修复上述原因后再次点击“启动”。</translation>
    </message>
    <message>
        <source>in the recording only</source>
        <translation>仅在录制中</translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation>已卸载</translation>
    </message>
    <message>
        <source>Module information</source>
        <translation>模块信息</translation>
    </message>
    <message>
        <source>What modinfo says of it: file, version, srcversion, signer, parameters</source>
        <translation>modinfo 给出的信息：文件、版本、srcversion、签名者、参数</translation>
    </message>
    <message>
        <source>boot the lab with %1</source>
        <translation>用 %1 启动实验环境</translation>
    </message>
    <message>
        <source>Shut the lab down?</source>
        <translation>关闭实验环境？</translation>
    </message>
    <message>
        <source>To %1, RefScope shuts the lab guest down.</source>
        <translation>为了%1，RefScope 会关闭实验环境虚拟机。</translation>
    </message>
    <message>
        <source>Everything done in the guest is lost: the modules loaded in it, its processes and files, a scenario's state. The next boot starts afresh. The timeline's recording stays.</source>
        <translation>在虚拟机中所做的一切都会丢失：其中加载的模块、进程和文件、场景的状态。下次启动将从头开始。时间线的录制会保留。</translation>
    </message>
    <message>
        <source>Shut the lab down</source>
        <translation>关闭实验环境</translation>
    </message>
    <message>
        <source>Read without root</source>
        <translation>不用 root 读取本机</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比较…</translation>
    </message>
    <message>
        <source>Compare recordings…</source>
        <translation>比较录制…</translation>
    </message>
    <message>
        <source>Two recordings side by side: per call site, the references never put back in each</source>
        <translation>并排比较两份录制：按调用点列出每份录制中未归还的引用</translation>
    </message>
    <message>
        <source>Compare this recording with a file…</source>
        <translation>将此录制与文件比较…</translation>
    </message>
    <message>
        <source>The capture running in the guest stops; what it recorded stays on the timeline, not saved yet.</source>
        <translation>正在虚拟机中运行的采集会停止；已采集的内容保留在时间线上，尚未保存。</translation>
    </message>
    <message>
        <source>The machine or file shown: each keeps its modules, holders and timeline while another is shown</source>
        <translation>当前显示的机器或文件：显示其他目标时，每个目标都保留自己的模块、持有者和时间线</translation>
    </message>
    <message>
        <source>Close target</source>
        <translation>关闭目标</translation>
    </message>
    <message>
        <source>End the shown target: its agent stops, a lab guest shuts down</source>
        <translation>结束当前显示的目标：其代理停止，实验环境虚拟机关机</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>目标(&amp;T)</translation>
    </message>
    <message>
        <source>Stopping the capture of %1 before showing %2…</source>
        <translation>正在停止 %1 的采集，然后显示 %2…</translation>
    </message>
    <message>
        <source>The capture of %1 stopped when you switched to %2: what it recorded stays with %1.</source>
        <translation>切换到 %2 时，%1 的采集已停止：已记录的内容保留在 %1 中。</translation>
    </message>
    <message>
        <source>closing %1</source>
        <translation>关闭 %1</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>没有目标</translation>
    </message>
    <message>
        <source>Every target is closed. Open a snapshot file or the lab, or read this machine.</source>
        <translation>所有目标都已关闭。请打开快照文件或实验环境，或读取本机。</translation>
    </message>
    <message>
        <source>Read this machine</source>
        <translation>读取本机</translation>
    </message>
    <message>
        <source>Open the flight recorder's last seconds…</source>
        <translation>打开飞行记录器的最后几秒…</translation>
    </message>
    <message>
        <source>The module events the kernel kept from the seconds before an unload last failed ("module is in use"), opened on the timeline</source>
        <translation>内核保留的上一次卸载失败（“模块正在使用”）前几秒的模块事件，在时间线上打开</translation>
    </message>
    <message>
        <source>RefScope cannot read the flight recorder: refscope-agent, which reads it as root, is not installed.</source>
        <translation>RefScope 无法读取飞行记录器：以 root 身份读取它的 refscope-agent 未安装。</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Reading the flight recorder of %1…</source>
        <translation>正在读取%1的飞行记录器…</translation>
    </message>
    <message>
        <source>A capture is running through the same agent: stop it, then open the flight recorder's last seconds again.</source>
        <translation>同一个代理正在进行捕获：请先停止捕获，再重新打开飞行记录器的最后几秒。</translation>
    </message>
    <message>
        <source>The flight recorder of %1 stopped before its history could be read.</source>
        <translation>%1的飞行记录器在其历史被读取之前已停止。</translation>
    </message>
    <message>
        <source>The flight recorder of %1 could not be read: %2</source>
        <translation>无法读取%1的飞行记录器：%2</translation>
    </message>
    <message>
        <source>The flight recorder of %1 is running, but nothing is frozen yet: no unload has failed since it started, or its last history was opened already. It keeps recording, and freezes the last seconds before the next failed rmmod.</source>
        <translation>%1的飞行记录器正在运行，但尚未冻结任何内容：自它启动以来没有卸载失败过，或者上一段历史已经打开过。它会继续记录，并在下一次 rmmod 失败时冻结之前的最后几秒。</translation>
    </message>
    <message>
        <source>The flight recorder is not running on %1, so nothing was kept. Start it as root:

sudo refscope-cli flight start

(or sudo systemctl start refscope-flight). It then keeps the last module events, and the kernel freezes them when an unload fails.</source>
        <translation>%1上的飞行记录器没有运行，因此什么也没有保留。请以 root 身份启动它：

sudo refscope-cli flight start

（或 sudo systemctl start refscope-flight）。之后它会保留最近的模块事件，并在卸载失败时由内核冻结。</translation>
    </message>
    <message>
        <source>opening the flight recorder's history</source>
        <translation>打开飞行记录器的历史</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 个</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知时间</translation>
    </message>
    <message>
        <source>flight recorder of %1, frozen at %2 after an unload failed (events of %3)</source>
        <translation>%1的飞行记录器，卸载失败后冻结于 %2（%3 的事件）</translation>
    </message>
    <message numerus="yes">
        <source>%n module event(s) from the flight recorder. The kernel no longer keeps them: save a session file to keep them.</source>
        <translation>
            <numerusform>来自飞行记录器的 %n 个模块事件。内核已不再保留它们：请保存会话文件以保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight recorder</source>
        <translation>飞行记录器</translation>
    </message>
    <message>
        <source>The lab guest is not up yet: open the flight recorder's last seconds again once it is.</source>
        <translation>实验环境虚拟机尚未就绪：待它启动后，再打开飞行记录器的最后几秒。</translation>
    </message>
    <message>
        <source>You are not allowed to read the flight recorder of this machine: polkit refused the permission (org.refscope.flight). Nothing was read. An administrator can grant it, or read it as root with sudo refscope-cli flight save -o FILE.</source>
        <translation>你无权读取本机的飞行记录器：polkit 拒绝了此权限（org.refscope.flight）。没有读取任何内容。管理员可以授予此权限，或以 root 身份用 sudo refscope-cli flight save -o FILE 读取。</translation>
    </message>
    <message>
        <source>The administrator's password was not given: the flight recorder was not read.</source>
        <translation>未提供管理员密码：没有读取飞行记录器。</translation>
    </message>
    <message>
        <source>The flight recorder of this machine could not be read: %1.</source>
        <translation>无法读取本机的飞行记录器：%1。</translation>
    </message>
    <message>
        <source>The flight recorder of this machine could not be read: %1. Reading it needs an administrator's permission, which polkit asks for.</source>
        <translation>无法读取本机的飞行记录器：%1。读取它需要管理员权限，由 polkit 询问。</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleDetailsModel</name>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Unloadable?</source>
        <translation>能否卸载？</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Source version</source>
        <translation>源码版本</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>签名者</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>no: this kernel cannot unload modules (built without CONFIG_MODULE_UNLOAD)</source>
        <translation>否：此内核不能卸载模块（构建时未启用 CONFIG_MODULE_UNLOAD）</translation>
    </message>
    <message numerus="yes">
        <source>no: used by %n module(s), which must be unloaded first</source>
        <translation>
            <numerusform>否：被 %n 个模块使用，必须先卸载它们</numerusform>
        </translation>
    </message>
    <message>
        <source>no: it has an init function but no exit function</source>
        <translation>否：它有 init 函数但没有 exit 函数</translation>
    </message>
    <message>
        <source>not yet: it is still initialising</source>
        <translation>暂时不能：它仍在初始化</translation>
    </message>
    <message>
        <source>it is being unloaded right now</source>
        <translation>它正在被卸载</translation>
    </message>
    <message numerus="yes">
        <source>no: %n reference(s) held outside any module (open files, sockets, or a reference that was never released)</source>
        <translation>
            <numerusform>否：有 %n 个引用被模块以外的对象持有（打开的文件、套接字，或从未释放的引用）</numerusform>
        </translation>
    </message>
    <message>
        <source>yes: no users and no references</source>
        <translation>是：没有使用者，也没有引用</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 字节</translation>
    </message>
    <message>
        <source>yes: it has no exit function and can never be unloaded</source>
        <translation>是：它没有 exit 函数，永远无法卸载</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>(no module file found)</source>
        <translation>（未找到模块文件）</translation>
    </message>
    <message>
        <source>License</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleEdgeItem</name>
    <message>
        <source>%1 uses %2</source>
        <translation>%1 使用 %2</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleInfoDialog</name>
    <message>
        <source>Module information: %1</source>
        <translation>模块信息：%1</translation>
    </message>
    <message>
        <source>%1 is not loaded in this snapshot.</source>
        <translation>%1 在此快照中未加载。</translation>
    </message>
    <message numerus="yes">
        <source>Parameters (%n):</source>
        <translation>
            <numerusform>参数（%n 个）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>复制为文本</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleListModel</name>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模块</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Refcount</source>
        <translation>引用计数</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>被依赖</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>依赖</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>污染标记</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>%1 is not loaded: %2.</source>
        <translation>%1 未加载：%2。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>就绪（live）</translation>
    </message>
    <message>
        <source>coming</source>
        <translation>加载中（coming）</translation>
    </message>
    <message>
        <source>going</source>
        <translation>卸载中（going）</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>未知</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleParamsModel</name>
    <message>
        <source>Parameter</source>
        <translation>参数</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(readable by root only)</source>
        <translation>（仅 root 可读）</translation>
    </message>
</context>
<context>
    <name>refscope::OutstandingRefsModel</name>
    <message>
        <source>Gets</source>
        <translation>get 次数</translation>
    </message>
    <message>
        <source>Puts</source>
        <translation>put 次数</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未归还</translation>
    </message>
    <message>
        <source>Whose reference</source>
        <translation>谁的引用</translation>
    </message>
</context>
<context>
    <name>refscope::OutstandingRefsPane</name>
    <message>
        <source>Call site</source>
        <translation>调用点</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任务</translation>
    </message>
    <message>
        <source>Whole recording</source>
        <translation>整段录制</translation>
    </message>
    <message>
        <source>Between markers A and B</source>
        <translation>标记 A 与 B 之间</translation>
    </message>
    <message>
        <source>Over:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <source>Select a module to count its outstanding references.</source>
        <translation>选择一个模块以统计其未归还的引用。</translation>
    </message>
    <message>
        <source>%1 has no events in this recording.</source>
        <translation>%1 在这段录制中没有事件。</translation>
    </message>
    <message>
        <source>Place markers A and B on the timeline (click, right-click).</source>
        <translation>在时间线上放置标记 A 和 B（单击、右击）。</translation>
    </message>
    <message>
        <source>Counting the references of %1… %2%</source>
        <translation>正在统计 %1 的引用… %2%</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 outstanding (%5 of the puts released references taken before). Count at the end: %6.</source>
        <translation>%1：get %2 次，put %3 次，%4 个未归还（其中 %5 次 put 释放的是此前获取的引用）。结束时的计数：%6。</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 outstanding. Count at the end: %5.</source>
        <translation>%1：get %2 次，put %3 次，%4 个未归还。结束时的计数：%5。</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 more gets than puts, as the kernel counted them. Count at the end: %5.
%6</source>
        <translation>%1：按内核的计数，get %2 次，put %3 次，get 比 put 多 %4 次。结束时的计数：%5。
%6</translation>
    </message>
</context>
<context>
    <name>refscope::PerfettoExport</name>
    <message>
        <source>stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2; %1 was not changed</source>
        <translation>无法写入 %1：%2；%1 未被更改</translation>
    </message>
</context>
<context>
    <name>refscope::PolkitPrivileges</name>
    <message>
        <source>polkit gave no answer</source>
        <translation>polkit 没有给出答复</translation>
    </message>
    <message>
        <source>polkit could not check the action</source>
        <translation>polkit 无法检查该操作</translation>
    </message>
    <message>
        <source>polkit did not answer</source>
        <translation>polkit 没有响应</translation>
    </message>
</context>
<context>
    <name>refscope::PrivilegeView</name>
    <message>
        <source>polkit will ask for an administrator's password.</source>
        <translation>polkit 将要求输入管理员密码。</translation>
    </message>
    <message>
        <source>polkit does not allow your user to do this; an administrator can allow it (polkit action %1).</source>
        <translation>polkit 不允许你的用户执行此操作；管理员可以允许（polkit 操作 %1）。</translation>
    </message>
    <message>
        <source>polkit could not be asked beforehand (%1): pkexec will say whether you may.</source>
        <translation>无法事先询问 polkit（%1）：是否允许将由 pkexec 告知。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>没有答复</translation>
    </message>
</context>
<context>
    <name>refscope::PrivilegedSnapshotSource</name>
    <message>
        <source>The root agent stopped: %1</source>
        <translation>root 代理已停止：%1</translation>
    </message>
    <message>
        <source>this machine, as root</source>
        <translation>本机（root 身份）</translation>
    </message>
</context>
<context>
    <name>refscope::RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>没有最近打开的文件</translation>
    </message>
    <message>
        <source>&amp;Clear the list</source>
        <translation>清空列表(&amp;C)</translation>
    </message>
</context>
<context>
    <name>refscope::RecordingCompareWindow</name>
    <message>
        <source>Compare</source>
        <translation>比较</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Compare recordings</source>
        <translation>比较录制</translation>
    </message>
    <message>
        <source>a trace.dat or a RefScope session file</source>
        <translation>trace.dat 或 RefScope 会话文件</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Recording A:</source>
        <translation>录制 A：</translation>
    </message>
    <message>
        <source>Recording B:</source>
        <translation>录制 B：</translation>
    </message>
    <message>
        <source>Call site</source>
        <translation>调用点</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>A</source>
        <translation>A</translation>
    </message>
    <message>
        <source>B</source>
        <translation>B</translation>
    </message>
    <message>
        <source>Difference (B − A)</source>
        <translation>差值（B − A）</translation>
    </message>
    <message>
        <source>Choose two recordings of the same modules, for example a run that leaks and one that does not: the table shows, per call site, the references taken and never put back in each.</source>
        <translation>请选择同一批模块的两份录制，例如一次有泄漏的运行和一次没有泄漏的运行：表格按调用点列出每份录制中获取后从未归还的引用。</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>选择录制文件</translation>
    </message>
    <message>
        <source>Choose a recording for A and one for B.</source>
        <translation>请为 A 和 B 各选择一份录制。</translation>
    </message>
    <message>
        <source>Reading %1 and %2…</source>
        <translation>正在读取 %1 和 %2…</translation>
    </message>
    <message>
        <source>Could not compare: %1 cannot be read as a recording (%2).</source>
        <translation>无法比较：%1 无法作为录制读取（%2）。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>%1 (only in B)</source>
        <translation>%1（仅在 B 中）</translation>
    </message>
    <message>
        <source>%1 (only in A)</source>
        <translation>%1（仅在 A 中）</translation>
    </message>
    <message>
        <source>All gets</source>
        <translation>全部获取（get）</translation>
    </message>
    <message>
        <source>All puts</source>
        <translation>全部归还（put）</translation>
    </message>
    <message>
        <source>Outstanding (gets − puts)</source>
        <translation>未归还（get − put）</translation>
    </message>
    <message>
        <source>Final count (lsmod)</source>
        <translation>最终计数（lsmod）</translation>
    </message>
    <message>
        <source>%1 (put only)</source>
        <translation>%1（仅 put）</translation>
    </message>
    <message>
        <source>put of a reference taken before the recording</source>
        <translation>归还的是录制开始前获取的引用</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>未出现</translation>
    </message>
    <message>
        <source>Neither recording has events of a module.</source>
        <translation>两份录制中都没有模块事件。</translation>
    </message>
    <message>
        <source>The recordings agree: every module's call sites leave the same references outstanding in both.</source>
        <translation>两份录制一致：每个模块的各调用点在两者中留下的未归还引用都相同。</translation>
    </message>
    <message>
        <source>Modules that differ: %1 of %2; the rows that differ are highlighted. Outstanding references are gets never put back while recording.</source>
        <translation>存在差异的模块：%1 个（共 %2 个）；有差异的行已高亮显示。未归还的引用是录制期间获取后从未归还的引用。</translation>
    </message>
</context>
<context>
    <name>refscope::RecordingOpener</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在读取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <source>Recordings (*.dat *.rscope);;trace-cmd recordings (*.dat);;RefScope session files (*.rscope);;All files (*)</source>
        <translation>录制文件 (*.dat *.rscope);;trace-cmd 录制文件 (*.dat);;RefScope 会话文件 (*.rscope);;所有文件 (*)</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseAvailability</name>
    <message>
        <source>Select a module to release.</source>
        <translation>请选择要释放的模块。</translation>
    </message>
    <message>
        <source>The state of %1 is unknown: nothing is done to it.</source>
        <translation>%1 的状态未知：不对它做任何操作。</translation>
    </message>
    <message>
        <source>A saved snapshot cannot be changed: open the lab, or read this machine, to release %1.</source>
        <translation>保存的快照无法改动：请打开实验环境或读取本机，再释放 %1。</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseDialog</name>
    <message>
        <source>Scan again</source>
        <translation>重新扫描</translation>
    </message>
    <message>
        <source>Force release %1</source>
        <translation>强制释放 %1</translation>
    </message>
    <message>
        <source>Ask the agent again what holds the module</source>
        <translation>再次询问代理是什么持有该模块</translation>
    </message>
    <message>
        <source>Why it cannot be unloaded</source>
        <translation>为什么无法卸载</translation>
    </message>
    <message>
        <source>Tick the holders to clear:</source>
        <translation>勾选要清除的持有者：</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>将会发生什么</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>进度</translation>
    </message>
    <message>
        <source>Asking the agent what holds %1…</source>
        <translation>正在询问代理是什么持有 %1…</translation>
    </message>
    <message>
        <source>Releasing %1…</source>
        <translation>正在释放 %1…</translation>
    </message>
    <message>
        <source>Released: %1 is gone.</source>
        <translation>已释放：%1 已不存在。</translation>
    </message>
    <message>
        <source>Not released: %1 changed after you confirmed, and the agent changed nothing. Scan again to see what holds it now.</source>
        <translation>未释放：%1 在你确认之后发生了变化，代理没有做任何改动。请重新扫描，查看现在是什么持有它。</translation>
    </message>
    <message>
        <source>Not released: %1 is still loaded.</source>
        <translation>未释放：%1 仍处于加载状态。</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1</source>
        <translation>未归属的引用（RefScope 看不到它们的持有者）：%1</translation>
    </message>
    <message>
        <source>Try to unload %1 anyway</source>
        <translation>仍然尝试卸载 %1</translation>
    </message>
    <message>
        <source>Clear and unload %1</source>
        <translation>清除并卸载 %1</translation>
    </message>
    <message>
        <source>As planned, references remain and the kernel refuses to unload: tick more holders, or choose a last resort</source>
        <translation>按此计划仍会剩下引用，内核会拒绝卸载：请勾选更多持有者，或选择一个最后手段</translation>
    </message>
    <message>
        <source>Run the steps above</source>
        <translation>执行上面的步骤</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseHoldersTree</name>
    <message>
        <source>Clear</source>
        <translation>清除</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseMarker</name>
    <message>
        <source>force release of %1: released</source>
        <translation>强制释放 %1：已释放</translation>
    </message>
    <message>
        <source>force release of %1: failed</source>
        <translation>强制释放 %1：失败</translation>
    </message>
</context>
<context>
    <name>refscope::ReleasePlan</name>
    <message>
        <source>The module's own kernel thread keeps this open file: only the module's exit lets it go, which the kernel's forced unload runs.</source>
        <translation>模块自己的内核线程保持着这个打开的文件：只有模块的 exit 函数才能让它释放，而内核的强制卸载会执行 exit。</translation>
    </message>
    <message>
        <source>A kernel thread cannot be ended from user space: it lets go when the code that started it stops it.</source>
        <translation>内核线程无法从用户空间结束：只有启动它的代码停止它时，它才会释放。</translation>
    </message>
    <message>
        <source>No process has this open file: the kernel keeps it, and nothing in user space can close it.</source>
        <translation>没有进程持有这个打开的文件：它由内核保持，用户空间无法关闭它。</translation>
    </message>
    <message>
        <source>This kernel was built without CONFIG_MODULE_FORCE_UNLOAD.</source>
        <translation>此内核编译时未启用 CONFIG_MODULE_FORCE_UNLOAD。</translation>
    </message>
    <message>
        <source>Holders left alone would call into the freed module later: tick every holder the module's exit does not end.</source>
        <translation>未处理的持有者之后会调用已释放的模块：请勾选模块的 exit 无法结束的每个持有者。</translation>
    </message>
    <message>
        <source>Type the module's name, %1, to unlock the last resort.</source>
        <translation>输入模块名 %1 以解锁最后手段。</translation>
    </message>
    <message>
        <source>Terminate the process</source>
        <translation>终止进程</translation>
    </message>
    <message>
        <source>Close just those fds</source>
        <translation>只关闭这些 fd</translation>
    </message>
    <message>
        <source>Unmount</source>
        <translation>卸载挂载点</translation>
    </message>
    <message>
        <source>Unload the holder module</source>
        <translation>卸载持有它的模块</translation>
    </message>
    <message>
        <source>No last resort: only unload</source>
        <translation>不用最后手段：只卸载</translation>
    </message>
    <message>
        <source>Drop the leaked references</source>
        <translation>丢弃泄漏的引用</translation>
    </message>
    <message>
        <source>The kernel's forced unload</source>
        <translation>内核的强制卸载</translation>
    </message>
    <message>
        <source>Nothing is forced: the kernel refuses to unload while references remain.</source>
        <translation>不强制任何操作：只要还有引用，内核就会拒绝卸载。</translation>
    </message>
    <message>
        <source>The kernel frees the module even though references remain (delete_module with O_TRUNC). Whatever still holds one and uses it later jumps into freed memory and can crash the whole machine. RefScope offers it only where the module's own exit lets the remaining references go. The kernel is marked tainted (R).</source>
        <translation>即使仍有引用，内核也会释放模块（带 O_TRUNC 的 delete_module）。之后仍持有并使用引用的任何代码都会跳入已释放的内存，可能导致整台机器崩溃。RefScope 只在模块自己的 exit 能释放剩余引用时才提供此选项。内核会被标记为已污染（R）。</translation>
    </message>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1（%2）</translation>
    </message>
    <message>
        <source>End %1 with SIGTERM, then SIGKILL if it outlives the grace period (pid(s) %2), so it lets go of %3.</source>
        <translation>用 SIGTERM 结束 %1，超过宽限期仍未退出则发送 SIGKILL（pid %2），使它释放 %3。</translation>
    </message>
    <message>
        <source>Close %1 of %2 (%3); the process keeps running.</source>
        <translation>关闭 %2 的 %1（%3）；进程继续运行。</translation>
    </message>
    <message>
        <source>Unmount %1.</source>
        <translation>卸载挂载点 %1。</translation>
    </message>
    <message>
        <source>Unload the module %1, which uses %2.</source>
        <translation>卸载使用 %2 的模块 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Check that %1 still has %n reference(s), as shown here; if the count changed, stop without changing anything.</source>
        <translation>
            <numerusform>检查 %1 是否仍如此处所示有 %n 个引用；如果计数已变化，则停止，不做任何改动。</numerusform>
        </translation>
    </message>
    <message>
        <source>Force %1 out with the kernel's forced unload; the kernel is tainted (R).</source>
        <translation>用内核的强制卸载移除 %1；内核会被标记为已污染（R）。</translation>
    </message>
    <message>
        <source>Unload %1 (delete_module).</source>
        <translation>卸载 %1（delete_module）。</translation>
    </message>
    <message>
        <source>Verify that %1 is gone.</source>
        <translation>确认 %1 已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n reference(s) would remain, so the kernel will refuse to unload %1.</source>
        <translation>
            <numerusform>警告：将剩下 %n 个引用，因此内核会拒绝卸载 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Init (pid 1) has this open file: RefScope never stops or ends init.</source>
        <translation>init（pid 1）持有这个打开的文件：RefScope 从不停止或结束 init。</translation>
    </message>
    <message>
        <source>A kernel object holds this reference, not a process: run %1 and refresh.</source>
        <translation>持有此引用的是内核对象而不是进程：运行 %1 后刷新。</translation>
    </message>
    <message>
        <source>Every reference is attributed to a holder: there is nothing to drop.</source>
        <translation>每个引用都已归属到持有者：没有可丢弃的。</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) RefScope could not attribute could be put later, into freed memory.</source>
        <translation>
            <numerusform>%n 个 RefScope 无法归属的引用可能稍后被归还，落入已释放的内存。</numerusform>
        </translation>
    </message>
    <message>
        <source>Offered only when the timeline's recording proves every unattributed reference leaked: the module took it on itself and never put it back, with no holder behind it. RefScope's helper module then lowers the count by exactly those, and only if the count has not changed. The kernel is marked tainted (R).</source>
        <translation>仅当时间线的录制证明每个未归属的引用都已泄漏时才提供：模块给自己获取了它且从未归还，背后没有持有者。随后 RefScope 的辅助模块恰好减去这些引用，且仅在计数未变时进行。内核会被标记为污染（R）。</translation>
    </message>
    <message numerus="yes">
        <source>Drop the %n reference(s) the recording proves leaked, only if still that many; the kernel is tainted (R).</source>
        <translation>
            <numerusform>丢弃录制证明已泄漏的 %n 个引用，仅当仍是这么多时进行；内核会被污染（R）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is ticked: even with every holder RefScope can clear, %n reference(s) would remain and the kernel would refuse to unload %1. Tick holders and try anyway, or type the module's name for a last resort.</source>
        <translation>
            <numerusform>未勾选任何项：即使清除 RefScope 能清除的所有持有者，仍会剩下 %n 个引用，内核会拒绝卸载 %1。可以勾选持有者后仍然尝试，或输入模块名以使用最后手段。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseSession</name>
    <message>
        <source>The release agent could not start (%1): nothing was changed.</source>
        <translation>释放代理无法启动（%1）：没有做任何改动。</translation>
    </message>
    <message>
        <source>The release agent stopped (%1) before any release: nothing was changed.</source>
        <translation>释放代理在任何释放之前就停止了（%1）：没有做任何改动。</translation>
    </message>
    <message>
        <source>The release agent stopped during the release (%1): scan again, or look at the module table, to see what changed.</source>
        <translation>释放代理在释放过程中停止了（%1）：请重新扫描或查看模块表，了解发生了哪些变化。</translation>
    </message>
    <message>
        <source>The agent is gone: nothing was changed.</source>
        <translation>代理已不存在：没有做任何改动。</translation>
    </message>
    <message>
        <source>The agent could not say what holds the module: %1</source>
        <translation>代理无法说明是什么持有该模块：%1</translation>
    </message>
    <message>
        <source>Exact holders from RefScope's helper module.</source>
        <translation>来自 RefScope 辅助模块的精确持有者。</translation>
    </message>
    <message>
        <source>Inferred holders: %1</source>
        <translation>推断出的持有者：%1</translation>
    </message>
    <message>
        <source>The agent could not release the module: %1</source>
        <translation>代理无法释放该模块：%1</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseStepText</name>
    <message>
        <source>%2 is live with %1 reference(s), as you confirmed.</source>
        <translation>%2 处于 live 状态，有 %1 个引用，与您确认的一致。</translation>
    </message>
    <message>
        <source>%1 is not loaded.</source>
        <translation>%1 未加载。</translation>
    </message>
    <message>
        <source>%1 is built into the kernel: it can never be unloaded.</source>
        <translation>%1 已编译进内核：永远无法卸载。</translation>
    </message>
    <message>
        <source>%1 is still initialising: wait until its init function returns.</source>
        <translation>%1 仍在初始化：请等待其 init 函数返回。</translation>
    </message>
    <message>
        <source>%1 is already being unloaded.</source>
        <translation>%1 已在卸载中。</translation>
    </message>
    <message>
        <source>%1 has no exit function (permanent): the kernel can never unload it.</source>
        <translation>%1 没有 exit 函数（permanent）：内核永远无法卸载它。</translation>
    </message>
    <message>
        <source>This kernel was built without module unloading (CONFIG_MODULE_UNLOAD): %1 cannot be unloaded.</source>
        <translation>此内核编译时未启用模块卸载（CONFIG_MODULE_UNLOAD）：%1 无法卸载。</translation>
    </message>
    <message>
        <source>The count of %3 changed since you confirmed: %1 now, %2 confirmed. Nothing was changed; look at its holders again.</source>
        <translation>%3 的引用计数在您确认后发生了变化：现在为 %1，确认时为 %2。未做任何更改，请重新查看其持有者。</translation>
    </message>
    <message>
        <source>Refused to end pid %1 to clear %2: RefScope never signals init, its own agent or the program that started it.</source>
        <translation>拒绝为清除 %2 而结束 pid %1：RefScope 绝不向 init、它自己的代理或启动它的程序发送信号。</translation>
    </message>
    <message>
        <source>"%1" cannot clear a %2 holder (%3).</source>
        <translation>“%1”无法清除 %2 类型的持有者（%3）。</translation>
    </message>
    <message>
        <source>Ended %2: pid(s) %1 exited after SIGTERM.</source>
        <translation>已结束 %2：pid %1 在收到 SIGTERM 后退出。</translation>
    </message>
    <message>
        <source>Killed %2: pid(s) %1 outlived SIGTERM's grace period and got SIGKILL.</source>
        <translation>已强制结束 %2：pid %1 在 SIGTERM 的宽限期过后仍未退出，已发送 SIGKILL。</translation>
    </message>
    <message>
        <source>Closed fd(s) %1 of %2.</source>
        <translation>已关闭 %2 的 fd %1。</translation>
    </message>
    <message>
        <source>Unmounted %1.</source>
        <translation>已卸除挂载 %1（umount）。</translation>
    </message>
    <message>
        <source>Unloaded the user module %1.</source>
        <translation>已卸载使用者模块 %1。</translation>
    </message>
    <message>
        <source>%1 no longer holds the module: nothing to do.</source>
        <translation>%1 已不再持有该模块：无需操作。</translation>
    </message>
    <message>
        <source>Could not clear %2: %1</source>
        <translation>无法清除 %2：%1</translation>
    </message>
    <message>
        <source>Could not drop the references of %2: %1</source>
        <translation>无法丢弃 %2 的引用：%1</translation>
    </message>
    <message>
        <source>This kernel has no forced unload (CONFIG_MODULE_FORCE_UNLOAD): %1 was not forced.</source>
        <translation>此内核不支持强制卸载（CONFIG_MODULE_FORCE_UNLOAD）：未强制卸载 %1。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 holder(s) remain that a process or the kernel would close later, calling into the freed module's code.</source>
        <translation>拒绝强制卸载 %2：仍有 %1 个持有者，进程或内核之后关闭它们时会调用已释放模块的代码。</translation>
    </message>
    <message>
        <source>Forced %2 out (delete_module with O_TRUNC): its exit stopped its own kernel threads, which let go of %1 reference(s). The kernel is now tainted (R).</source>
        <translation>已强制卸载 %2（delete_module 带 O_TRUNC）：其 exit 函数停止了它自己的内核线程，这些线程释放了 %1 个引用。内核现已被标记为污染（R）。</translation>
    </message>
    <message>
        <source>The kernel refused to force %2 out: %1</source>
        <translation>内核拒绝强制卸载 %2：%1</translation>
    </message>
    <message>
        <source>Unloaded %1.</source>
        <translation>已卸载 %1。</translation>
    </message>
    <message>
        <source>Could not unload %2: %1</source>
        <translation>无法卸载 %2：%1</translation>
    </message>
    <message>
        <source>Verified: %1 is gone (neither in /sys/module nor in /proc/modules).</source>
        <translation>已验证：%1 已移除（/sys/module 和 /proc/modules 中均已不存在）。</translation>
    </message>
    <message>
        <source>%3 is still loaded (%1, count %2).</source>
        <translation>%3 仍处于加载状态（%1，计数 %2）。</translation>
    </message>
    <message>
        <source>Dropped %1 reference(s) of %4 that the recording proves leaked: count %2 -&gt; %3. The kernel is now tainted (R), as after a forced unload.</source>
        <translation>已丢弃 %4 中录制证明已泄漏的 %1 个引用：计数 %2 -&gt; %3。内核现已被污染（R），与强制卸载后相同。</translation>
    </message>
    <message>
        <source>%3 now has %1 unattributed reference(s), not the %2 you confirmed: nothing was dropped.</source>
        <translation>%3 现在有 %1 个未归属的引用，而不是您确认的 %2 个：没有丢弃任何引用。</translation>
    </message>
    <message>
        <source>Every remaining reference of %1 is attributed: nothing to drop.</source>
        <translation>%1 剩余的每个引用都已归属：没有可丢弃的。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 reference(s) RefScope could not attribute might be put later, into freed memory.</source>
        <translation>拒绝强制移除 %2：%1 个 RefScope 无法归属的引用可能稍后被归还，落入已释放的内存。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: no recording proves them leaked. An unattributed reference is one whose holder RefScope could not see, not one that nothing holds. Record the module while the leak happens (%2, or the timeline's Capture) and give the recording (--trace FILE): only the module's own gets that were never put back are dropped.</source>
        <translation>拒绝丢弃 %3 的引用：没有录制证明它们已泄漏。未归属的引用是指 RefScope 看不到其持有者的引用，而不是没有任何东西持有的引用。请在泄漏发生时录制该模块（%2，或时间线的“捕获”）并提供该录制（--trace FILE）：只有模块自己获取且从未归还的引用才会被丢弃。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: the recording %1 has no event of %2. Record it while the leak happens.</source>
        <translation>拒绝丢弃 %3 的引用：录制 %1 中没有 %2 的事件。请在泄漏发生时录制它。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: the recording %1 lost %2 event(s), so a put may be missing from it. Record again.</source>
        <translation>拒绝丢弃 %3 的引用：录制 %1 丢失了 %2 个事件，其中可能缺少归还。请重新录制。</translation>
    </message>
    <message>
        <source>Refused to drop references of %4: the recording %1 ends with count %2 but the count is %3 now: it no longer shows what holds the module. Record again up to now.</source>
        <translation>拒绝丢弃 %4 的引用：录制 %1 结束时计数为 %2，但现在计数为 %3：它已不能说明是什么持有该模块。请重新录制到现在。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: %1 reference(s) are unattributed while these kinds of holder could not be checked: %2. One of them may hold the module.</source>
        <translation>拒绝丢弃 %3 的引用：有 %1 个引用未归属，而以下种类的持有者无法检查：%2。其中之一可能持有该模块。</translation>
    </message>
    <message>
        <source>Refused to drop references of %4: %1 reference(s) are unattributed but the recording proves only %2 leaked (the module's own gets never put back). The others were taken for: %3. They are not leaks: remove those holders instead.</source>
        <translation>拒绝丢弃 %4 的引用：有 %1 个引用未归属，但录制只证明 %2 个已泄漏（模块自己获取且从未归还的）。其他的是为以下对象获取的：%3。它们不是泄漏：请改为移除这些持有者。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 file(s) of it are in flight, sent over a unix socket and not received yet. The module's exit does not let them go: whoever receives them, or the socket's last close, would call into the freed module. Let the receiver take them, or close that socket, first.</source>
        <translation>拒绝强制卸载 %2：它有 %1 个文件处于传输中，已通过 unix 套接字发送但尚未被接收。模块的退出函数不会释放它们：之后接收它们的进程，或该套接字最后一次关闭时，会调用已释放模块的代码。请先让接收方接收它们，或关闭该套接字。</translation>
    </message>
    <message>
        <source>Refused to force %3 out: its holders changed since the scan just before (count %1 now, %2 then). A reference taken meanwhile would be put into freed memory. Nothing was changed; look at its holders again.</source>
        <translation>拒绝强制卸载 %3：其持有者在刚才的扫描之后发生了变化（现在计数为 %1，扫描时为 %2）。期间获取的引用之后会被放回已释放的内存中。未做任何更改，请重新查看其持有者。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: RefScope could not check whether a file of it is in flight in a unix socket, which would be closed after the module is freed (%1).</source>
        <translation>拒绝强制卸载 %2：RefScope 无法检查它是否有文件正在 unix 套接字中传输，这样的文件会在模块释放后才被关闭（%1）。</translation>
    </message>
</context>
<context>
    <name>refscope::SessionActions</name>
    <message>
        <source>Save session…</source>
        <translation>保存会话…</translation>
    </message>
    <message>
        <source>Save the modules shown, the timeline's events and the holders seen, to reopen them exactly later</source>
        <translation>保存当前显示的模块、时间线事件和已查看的持有者，以便日后原样重新打开</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>保存会话</translation>
    </message>
    <message>
        <source>Stop the capture before saving the session: its events are still arriving.</source>
        <translation>请先停止采集再保存会话：事件仍在不断到达。</translation>
    </message>
    <message>
        <source>There is nothing to save yet: no modules and no recording.</source>
        <translation>还没有可保存的内容：没有模块，也没有记录。</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在保存 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>RefScope session files (*.rscope)</source>
        <translation>RefScope 会话文件 (*.rscope)</translation>
    </message>
</context>
<context>
    <name>refscope::SessionFile</name>
    <message>
        <source>saving %1 was stopped</source>
        <translation>保存 %1 已停止</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>无法打开 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a RefScope session file</source>
        <translation>%1 不是 RefScope 会话文件</translation>
    </message>
    <message>
        <source>%1 is truncated (its header is incomplete)</source>
        <translation>%1 已截断（文件头不完整）</translation>
    </message>
    <message>
        <source>%1 was written by a newer RefScope (session format %2; this one reads up to %3)</source>
        <translation>%1 由更新版本的 RefScope 写入（会话格式 %2；本版本最高读取 %3）</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 of %3 payload bytes)</source>
        <translation>%1 已截断（有效载荷 %2 / %3 字节）</translation>
    </message>
    <message>
        <source>%1 is corrupted (%2 bytes past its end)</source>
        <translation>%1 已损坏（末尾多出 %2 字节）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its payload does not decompress)</source>
        <translation>%1 已损坏（有效载荷无法解压）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its snapshot does not parse: %2)</source>
        <translation>%1 已损坏（快照无法解析：%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its events do not parse)</source>
        <translation>%1 已损坏（事件无法解析）</translation>
    </message>
    <message>
        <source>%1 is corrupted (%2)</source>
        <translation>%1 已损坏（%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its holder reports do not parse)</source>
        <translation>%1 已损坏（持有者报告无法解析）</translation>
    </message>
    <message>
        <source>cannot save %1: the session is too large for a session file (%2 MiB; at most 4 GiB before compression); %1 was not changed</source>
        <translation>无法保存 %1：会话太大，会话文件容纳不下（%2 MiB；压缩前最多 4 GiB）；%1 未被改动</translation>
    </message>
    <message>
        <source>cannot save %1: not enough memory; %1 was not changed</source>
        <translation>无法保存 %1：内存不足；%1 未被改动</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>无法创建 %1</translation>
    </message>
    <message>
        <source>%1 is corrupted (its view does not parse: %2)</source>
        <translation>%1 已损坏（其视图无法解析：%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its call site counts do not parse)</source>
        <translation>%1 已损坏（其调用点计数无法解析）</translation>
    </message>
    <message>
        <source>cannot save %1: %2; %1 was not changed</source>
        <translation>无法保存 %1：%2；%1 未被改动</translation>
    </message>
</context>
<context>
    <name>refscope::SessionSnapshotSource</name>
    <message>
        <source>session file %1</source>
        <translation>会话文件 %1</translation>
    </message>
</context>
<context>
    <name>refscope::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系统语言（%1）</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>跟随桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>浅色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language takes effect when RefScope restarts.</source>
        <translation>更改语言后需重新启动 RefScope 才能生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>语言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>配色(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>refscope::SnapshotSource</name>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未连接。</translation>
    </message>
    <message>
        <source>%1 could not read its modules: %2 (%3)</source>
        <translation>%1 无法读取模块：%2（%3）</translation>
    </message>
    <message>
        <source>%1 sent a snapshot RefScope cannot read: %2</source>
        <translation>%1 发送了 RefScope 无法读取的快照：%2</translation>
    </message>
</context>
<context>
    <name>refscope::SshSnapshotSource</name>
    <message>
        <source>%1 over SSH</source>
        <translation>%1（通过 SSH）</translation>
    </message>
</context>
<context>
    <name>refscope::SshTarget</name>
    <message>
        <source>no host given</source>
        <translation>未指定主机</translation>
    </message>
    <message>
        <source>"%1" is not a host name</source>
        <translation>“%1”不是主机名</translation>
    </message>
    <message>
        <source>"%1" is not a user name</source>
        <translation>“%1”不是用户名</translation>
    </message>
    <message>
        <source>%1 is not a port</source>
        <translation>%1 不是端口</translation>
    </message>
    <message>
        <source>the agent's path on the target must be absolute and plain (letters, digits, "_./+-"): "%1"</source>
        <translation>目标机器上代理的路径必须是绝对路径，且只含字母、数字和“_./+-”：“%1”</translation>
    </message>
    <message>
        <source>"%1" has an empty user name before "@"</source>
        <translation>“%1”中“@”前的用户名为空</translation>
    </message>
    <message>
        <source>"%1" lacks the "]" after the address</source>
        <translation>“%1”的地址后缺少“]”</translation>
    </message>
    <message>
        <source>"%1": only ":PORT" may follow the address</source>
        <translation>“%1”：地址后只能跟“:端口”</translation>
    </message>
    <message>
        <source>"%1" is not a port</source>
        <translation>“%1”不是端口</translation>
    </message>
    <message>
        <source>refscope-agent on %1 speaks another protocol version than this RefScope (version %2): install the same RefScope version on both machines.</source>
        <translation>%1 上的 refscope-agent 使用的协议版本与本 RefScope（版本 %2）不同：请在两台机器上安装相同版本的 RefScope。</translation>
    </message>
    <message>
        <source>refscope-agent on %1 refused the connection: %2</source>
        <translation>%1 上的 refscope-agent 拒绝了连接：%2</translation>
    </message>
    <message>
        <source>The connection to %1 was ended (ssh was stopped).</source>
        <translation>与 %1 的连接已结束（ssh 被停止）。</translation>
    </message>
    <message>
        <source>ssh to %1 was stopped before it connected.</source>
        <translation>到 %1 的 ssh 在连接之前被停止。</translation>
    </message>
    <message>
        <source>refscope-agent is not installed on %1 (there is no %2 there). Install RefScope on that machine: the refscope and refscope-helper-dkms packages (DKMS builds the helper module for its own kernel), as RefScope's README shows; or name another place with --ssh-agent PATH.</source>
        <translation>%1 上没有安装 refscope-agent（那里没有 %2）。请在那台机器上安装 RefScope：refscope 和 refscope-helper-dkms 软件包（DKMS 会为它自己的内核构建辅助模块），方法见 RefScope 的 README；或用 --ssh-agent 路径 指定其他位置。</translation>
    </message>
    <message>
        <source>You log in on %1 as %2, not as root: log in as root (root@HOST) or let sudo start the agent (--ssh-privilege sudo).</source>
        <translation>你在 %1 上以 %2 而不是 root 登录：请以 root 登录（root@主机），或让 sudo 启动代理（--ssh-privilege sudo）。</translation>
    </message>
    <message>
        <source>sudo is not installed on %1: log in as root (--ssh-privilege root), or install sudo there.</source>
        <translation>%1 上未安装 sudo：请以 root 登录（--ssh-privilege root），或在那里安装 sudo。</translation>
    </message>
    <message>
        <source>pkexec is not installed on %1: use sudo (--ssh-privilege sudo) or log in as root.</source>
        <translation>%1 上未安装 pkexec：请使用 sudo（--ssh-privilege sudo）或以 root 登录。</translation>
    </message>
    <message>
        <source>sudo on %1 does not allow you to run %2 as root: add a sudoers rule for it there ("USER ALL=(root) NOPASSWD: %2"), or log in as root (--ssh-privilege root).</source>
        <translation>%1 上的 sudo 不允许你以 root 运行 %2：请在那里为它添加 sudoers 规则（“USER ALL=(root) NOPASSWD: %2”），或以 root 登录（--ssh-privilege root）。</translation>
    </message>
    <message>
        <source>pkexec on %1 would ask for a password, which cannot be typed over this connection: polkit there must allow RefScope's action without one (a polkit rule for org.refscope.inspect and org.refscope.release), or use sudo (--ssh-privilege sudo) or a root login.</source>
        <translation>%1 上的 pkexec 会要求输入密码，而通过此连接无法输入：那里的 polkit 必须允许 RefScope 的操作无需密码（为 org.refscope.inspect 和 org.refscope.release 添加 polkit 规则），或者使用 sudo（--ssh-privilege sudo）或以 root 登录。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed since you last connected: a reinstalled machine, or someone intercepting the connection. RefScope does not connect. Check the new key on the machine itself (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub there), then remove the old one with "ssh-keygen -R %2" and connect once with "%3".</source>
        <translation>%1 的主机密钥自你上次连接以来已改变：可能是机器重装了，也可能有人在截取连接。RefScope 不会连接。请在那台机器本身上核对新密钥（在那里运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub），然后用“ssh-keygen -R %2”删除旧密钥，再用“%3”连接一次。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known here yet, so RefScope cannot be sure it reaches the right machine. Connect once with "%2", check the key fingerprint it shows against the machine's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub there) and accept it, then try again.</source>
        <translation>这里还不知道 %1 的主机密钥，所以 RefScope 无法确定连到的是正确的机器。请用“%2”连接一次，将显示的密钥指纹与那台机器自己的指纹核对（在那里运行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）并接受，然后重试。</translation>
    </message>
    <message>
        <source>%1 refused the login (%2). RefScope logs in with your own SSH keys and ssh-agent and never asks for a password: check that "%3" logs in without one (%4 installs your key there).</source>
        <translation>%1 拒绝了登录（%2）。RefScope 使用你自己的 SSH 密钥和 ssh-agent 登录，从不询问密码：请确认“%3”无需密码即可登录（%4 会把你的密钥安装到那里）。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2.</source>
        <translation>无法连接到 %1：%2。</translation>
    </message>
    <message>
        <source>The connection to %1 dropped.</source>
        <translation>与 %1 的连接已断开。</translation>
    </message>
    <message>
        <source>The connection to %1 dropped: %2.</source>
        <translation>与 %1 的连接已断开：%2。</translation>
    </message>
    <message>
        <source>ssh could not connect to %1.</source>
        <translation>ssh 无法连接到 %1。</translation>
    </message>
    <message>
        <source>ssh could not connect to %1: %2</source>
        <translation>ssh 无法连接到 %1：%2</translation>
    </message>
    <message>
        <source>The connection to %1 ended before refscope-agent answered.</source>
        <translation>在 refscope-agent 应答之前，与 %1 的连接已结束。</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>sudo on %1 asks for a password before it starts the agent (it asks also when it would not allow you at all), and no password can be typed over this connection. Let sudo start exactly the agent without one there (a sudoers line such as "USER ALL=(root) NOPASSWD: %2" in /etc/sudoers.d/refscope), or log in as root (--ssh-privilege root).</source>
        <translation>%1 上的 sudo 在启动代理前会要求输入密码（即使根本不允许你运行，它也会先要求密码），而通过此连接无法输入密码。请让那里的 sudo 无需密码即可启动且仅启动该代理（例如在 /etc/sudoers.d/refscope 中加入 sudoers 行“USER ALL=(root) NOPASSWD: %2”），或者以 root 登录（--ssh-privilege root）。</translation>
    </message>
    <message>
        <source>pkexec on %1 could not reach polkit (%2): the polkit service and the system D-Bus must run there for pkexec to start the agent. Use sudo (--ssh-privilege sudo) or a root login instead.</source>
        <translation>%1 上的 pkexec 无法连接 polkit（%2）：那里必须运行 polkit 服务和系统 D-Bus，pkexec 才能启动代理。请改用 sudo（--ssh-privilege sudo）或以 root 登录。</translation>
    </message>
</context>
<context>
    <name>refscope::TargetList</name>
    <message>
        <source>%1 (kernel %2)</source>
        <translation>%1（内核 %2）</translation>
    </message>
</context>
<context>
    <name>refscope::Teaching</name>
    <message>
        <source>live: init finished successfully and the module is in normal use. It can be unloaded once no module uses it and its reference count is 0.</source>
        <translation>live：init 已成功完成，模块正在正常使用。当没有模块使用它且引用计数为 0 时即可卸载。</translation>
    </message>
    <message>
        <source>coming: the module is loaded and its init function is still running. The loader holds a reference meanwhile, and delete_module() refuses to unload it.</source>
        <translation>coming：模块已载入，其 init 函数仍在运行。在此期间加载者持有一个引用，delete_module() 会拒绝卸载它。</translation>
    </message>
    <message>
        <source>going: the module is on its way out, either because rmmod is running its exit function or because its init failed. It disappears in a moment.</source>
        <translation>going：模块正在退出，可能是 rmmod 正在运行它的 exit 函数，也可能是它的 init 失败了。它很快就会消失。</translation>
    </message>
    <message>
        <source>unknown: RefScope could not read /sys/module/&lt;name&gt;/initstate, so the state is not known.</source>
        <translation>unknown：RefScope 无法读取 /sys/module/&lt;name&gt;/initstate，因此状态未知。</translation>
    </message>
    <message>
        <source>permanent: the module has an init function but no exit function, so the kernel can never run its cleanup. delete_module() always refuses it (only a forced unload, which may crash the kernel, would remove it).</source>
        <translation>permanent（永久）：模块有 init 函数但没有 exit 函数，内核永远无法执行它的清理工作。delete_module() 总是拒绝卸载它（只有可能导致内核崩溃的强制卸载才能移除它）。</translation>
    </message>
    <message>
        <source>built-in: compiled into the kernel image (listed in modules.builtin). It has no reference count, is never loaded or unloaded, and its parameters live under /sys/module/&lt;name&gt;/parameters.</source>
        <translation>built-in（内置）：编译进内核映像（列于 modules.builtin）。它没有引用计数，从不加载或卸载，其参数位于 /sys/module/&lt;name&gt;/parameters。</translation>
    </message>
    <message>
        <source>The reference count lsmod shows as "Used": module_refcount(), the kernel's atomic counter minus the 1 it starts with. Every try_module_get() adds 1, every module_put() takes 1 away, and each module in "Used by" holds 1. delete_module() refuses to unload while it is above 0.</source>
        <translation>lsmod 中“Used”一栏显示的引用计数：module_refcount()，即内核原子计数器减去初始的 1。每次 try_module_get() 加 1，每次 module_put() 减 1，“被依赖”中的每个模块各持有 1。只要它大于 0，delete_module() 就拒绝卸载。</translation>
    </message>
    <message>
        <source>The modules that use symbols this module exports (/sys/module/&lt;name&gt;/holders). Each holds one reference and has to be unloaded first. Open files, sockets and mounts also hold references but never appear here.</source>
        <translation>使用本模块导出符号的模块（/sys/module/&lt;name&gt;/holders）。它们各持有一个引用，必须先被卸载。打开的文件、套接字和挂载也会持有引用，但从不出现在这里。</translation>
    </message>
    <message>
        <source>The modules whose exported symbols this module uses. Loading it loaded them first (modprobe follows modules.dep), and it holds one reference on each.</source>
        <translation>本模块所使用的导出符号所属的模块。加载本模块时会先加载它们（modprobe 依据 modules.dep），本模块对每个都持有一个引用。</translation>
    </message>
    <message>
        <source>Taint letters the module put on the kernel, as /sys/module/&lt;name&gt;/taint shows them: O out-of-tree, E unsigned, P proprietary licence, C staging driver.</source>
        <translation>模块给内核带来的污染标记，与 /sys/module/&lt;name&gt;/taint 所示相同：O 树外模块，E 未签名，P 专有许可证，C staging 驱动。</translation>
    </message>
    <message>
        <source>module_load: the kernel has copied and linked a module and is about to run its init function (load_module()).</source>
        <translation>module_load：内核已复制并链接模块，即将运行其 init 函数（load_module()）。</translation>
    </message>
    <message>
        <source>module_free: the module's memory is being freed (free_module()), after rmmod or after its init failed. Its references are gone with it.</source>
        <translation>module_free：模块的内存正在被释放（free_module()），发生在 rmmod 之后或 init 失败之后。它的引用也随之消失。</translation>
    </message>
    <message>
        <source>module_get: try_module_get() or __module_get() took a reference. ip is the caller, refcnt the count afterwards; an open() through the module's file_operations is the usual source.</source>
        <translation>module_get：try_module_get() 或 __module_get() 获取了一个引用。ip 是调用者，refcnt 是之后的计数；最常见的来源是经由模块 file_operations 的 open()。</translation>
    </message>
    <message>
        <source>module_put: module_put() gave a reference back. Every get should be matched by a put; a get without one is a leak.</source>
        <translation>module_put：module_put() 归还了一个引用。每个 get 都应有对应的 put；没有 put 的 get 就是泄漏。</translation>
    </message>
    <message>
        <source>module_request: the kernel asked user space to load a module by name or alias (request_module(), which runs modprobe), e.g. for an unknown socket family or file system type.</source>
        <translation>module_request：内核请求用户空间按名称或别名加载模块（request_module()，它会运行 modprobe），例如遇到未知的套接字协议族或文件系统类型时。</translation>
    </message>
    <message>
        <source>file: an open file whose file_operations belong to the module. open() took a reference and the last close() of that open file gives it back; dup() and fork() share it, so it is one reference however many fds point to it.</source>
        <translation>file（文件）：一个打开的文件，其 file_operations 属于该模块。open() 获取一个引用，该打开文件的最后一次 close() 将其归还；dup() 和 fork() 共享它，因此无论有多少个 fd 指向它，都只算一个引用。</translation>
    </message>
    <message>
        <source>socket: a socket of a protocol family or protocol the module provides. It holds a reference until the socket is released, which can be after the process closed its fd.</source>
        <translation>socket（套接字）：属于该模块所提供的协议族或协议的套接字。它一直持有引用，直到套接字被释放，而这可能发生在进程关闭其 fd 之后。</translation>
    </message>
    <message>
        <source>mount: a mounted file system of a type the module registered. The superblock holds the reference until the file system is unmounted.</source>
        <translation>mount（挂载）：已挂载的、类型由该模块注册的文件系统。超级块持有该引用，直到文件系统被卸载。</translation>
    </message>
    <message>
        <source>module: another module that uses this module's exported symbols. It holds one reference until it is unloaded itself.</source>
        <translation>module（模块）：使用本模块导出符号的另一个模块。它持有一个引用，直到它自己被卸载。</translation>
    </message>
    <message>
        <source>kthread: a kernel thread, or an object only the kernel keeps, holds the reference. No process can be killed to release it; usually the module itself has to let go.</source>
        <translation>kthread（内核线程）：由内核线程或只有内核保存的对象持有该引用。无法通过结束某个进程来释放它；通常只能由模块自己放手。</translation>
    </message>
    <message>
        <source>exact: RefScope's helper module read the owner pointer inside the kernel (the open file's f_op owner, the socket's or file system's owner), so this reference is certain.</source>
        <translation>exact（精确）：RefScope 的辅助模块在内核中读取了 owner 指针（打开文件的 f_op owner、套接字或文件系统的 owner），因此这个引用是确定的。</translation>
    </message>
    <message>
        <source>inferred: matched from user space by a rule (device number through modules.alias, /proc/net/protocols, the file system type). Likely, but not read from the kernel itself.</source>
        <translation>inferred（推断）：在用户空间按规则匹配得出（通过 modules.alias 匹配设备号、/proc/net/protocols、文件系统类型）。可能性很大，但并非直接从内核读取。</translation>
    </message>
    <message>
        <source>insmod</source>
        <translation>insmod</translation>
    </message>
    <message>
        <source>init runs holding a reference</source>
        <translation>init 在持有引用的情况下运行</translation>
    </message>
    <message>
        <source>do_init_module drops it</source>
        <translation>do_init_module 释放该引用</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>gets and puts</source>
        <translation>get 与 put</translation>
    </message>
    <message>
        <source>delete_module</source>
        <translation>delete_module</translation>
    </message>
    <message>
        <source>free</source>
        <translation>释放</translation>
    </message>
    <message>
        <source>insmod (or modprobe) hands the .ko file to finit_module(). The kernel checks its signature and version, links it against the symbols it needs and fires module_load.</source>
        <translation>insmod（或 modprobe）把 .ko 文件交给 finit_module()。内核检查其签名和版本，链接它所需的符号，并触发 module_load。</translation>
    </message>
    <message>
        <source>The module is "coming" and its init function runs. The loader holds one reference all the while, so the count reads 1 and nothing can unload it.</source>
        <translation>模块处于 "coming" 状态，其 init 函数正在运行。加载者始终持有一个引用，因此计数为 1，任何操作都无法卸载它。</translation>
    </message>
    <message>
        <source>When init returns, do_init_module() drops the loader's reference (a module_put). If init failed, the module goes straight to "going" and is freed.</source>
        <translation>init 返回后，do_init_module() 释放加载者的引用（一次 module_put）。如果 init 失败，模块直接进入 "going" 状态并被释放。</translation>
    </message>
    <message>
        <source>The module is "live" with a count of 0: it has registered its devices, protocols or file systems and waits for users.</source>
        <translation>模块处于 "live" 状态，计数为 0：它已注册自己的设备、协议或文件系统，等待使用者。</translation>
    </message>
    <message>
        <source>Each user takes a reference with try_module_get() (module_get) and gives it back with module_put() (module_put): opening a device file, creating a socket, mounting. The count is the number of references held right now.</source>
        <translation>每个使用者用 try_module_get()（module_get）获取引用，用 module_put()（module_put）归还：打开设备文件、创建套接字、挂载都是如此。计数就是此刻被持有的引用数。</translation>
    </message>
    <message>
        <source>rmmod calls delete_module(). The kernel refuses (EBUSY) while another module uses it, while it is permanent or not live, or while the count is above 0; otherwise it marks it "going" and runs its exit function.</source>
        <translation>rmmod 调用 delete_module()。只要还有其他模块使用它、它是永久的或不处于 live 状态、或者计数大于 0，内核就会拒绝（EBUSY）；否则内核将其标记为 "going" 并运行它的 exit 函数。</translation>
    </message>
    <message>
        <source>free_module() fires module_free, unlinks the module and gives its memory back. The name can be loaded again from scratch.</source>
        <translation>free_module() 触发 module_free，解除模块的链接并归还其内存。之后可以重新从头加载同名模块。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads testmod and reads /proc/testmod-sample once.</source>
        <translation>选择此场景并点击“运行”：它会加载 testmod 并读取一次 /proc/testmod-sample。</translation>
    </message>
    <message>
        <source>In the Modules table, select testmod: Refcount is 0 and Used by is empty.</source>
        <translation>在“模块”表中选择 testmod：引用计数为 0，“被依赖”为空。</translation>
    </message>
    <message>
        <source>On the Timeline tab, the read leaves no module_get: the proc file's operations have no owner, so nothing is counted.</source>
        <translation>在“时间线”标签页中，这次读取没有留下 module_get：proc 文件的操作没有 owner，所以不会计数。</translation>
    </message>
    <message>
        <source>Under Example modules, select testmod and click Unload: it unloads at once.</source>
        <translation>在“示例模块”下选择 testmod 并点击“卸载”：它会立即卸载。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: a process opens /dev/count_demo and keeps it open.</source>
        <translation>选择此场景并点击“运行”：一个进程打开 /dev/count_demo 并保持打开。</translation>
    </message>
    <message>
        <source>In the Modules table, select count_demo: Refcount is 2 while Used by stays empty.</source>
        <translation>在“模块”表中选择 count_demo：引用计数为 2，而“被依赖”仍为空。</translation>
    </message>
    <message>
        <source>On the Timeline tab, find the two module_get events of the open(): one from the file's owner, one from the extra try_module_get().</source>
        <translation>在“时间线”标签页中找到 open() 产生的两个 module_get 事件：一个来自文件的 owner，一个来自额外的 try_module_get()。</translation>
    </message>
    <message>
        <source>The Holders panel lists the sleep process with /dev/count_demo open.</source>
        <translation>“持有者”面板列出打开着 /dev/count_demo 的 sleep 进程。</translation>
    </message>
    <message>
        <source>Click Unload under Example modules: it is refused as busy.</source>
        <translation>点击“示例模块”下的“卸载”：因模块忙而被拒绝。</translation>
    </message>
    <message>
        <source>Click Stop: the file closes, two module_put events bring the count to 0 and Unload works.</source>
        <translation>点击“停止”：文件关闭，两个 module_put 事件把计数降到 0，“卸载”即可成功。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: stuck-netlink-send sends one message and exits.</source>
        <translation>选择此场景并点击“运行”：stuck-netlink-send 发送一条消息后退出。</translation>
    </message>
    <message>
        <source>In the Modules table, select stuck_netlink: Refcount stays at 1 and Used by is empty.</source>
        <translation>在“模块”表中选择 stuck_netlink：引用计数停留在 1，“被依赖”为空。</translation>
    </message>
    <message>
        <source>The Holders panel finds no process: the reference belongs to the module's kernel thread, which keeps the socket.</source>
        <translation>“持有者”面板找不到任何进程：这个引用属于模块的内核线程，是它保留着套接字。</translation>
    </message>
    <message>
        <source>On the Timeline tab, the module_get has no matching module_put.</source>
        <translation>在“时间线”标签页中，这个 module_get 没有对应的 module_put。</translation>
    </message>
    <message>
        <source>Click Unload: it stays refused for as long as the guest runs.</source>
        <translation>点击“卸载”：只要虚拟机在运行，就会一直被拒绝。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run, then Run again: each run writes "oops" to /proc/leaky_ref.</source>
        <translation>选择此场景，点击“运行”，再点击一次“运行”：每次运行都会向 /proc/leaky_ref 写入 "oops"。</translation>
    </message>
    <message>
        <source>In the Modules table, select leaky_ref: Refcount grows by 1 with every run.</source>
        <translation>在“模块”表中选择 leaky_ref：每运行一次，引用计数加 1。</translation>
    </message>
    <message>
        <source>On the Timeline tab, each write shows a module_get without a module_put: the outstanding references point at the leaking call site.</source>
        <translation>在“时间线”标签页中，每次写入都显示一个没有 module_put 的 module_get：未归还的引用指向发生泄漏的调用点。</translation>
    </message>
    <message>
        <source>Click Unload: it is refused, and nothing short of a reboot brings the count down.</source>
        <translation>点击“卸载”：被拒绝，除了重启，没有办法让计数降下来。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads no_exit.</source>
        <translation>选择此场景并点击“运行”：它会加载 no_exit。</translation>
    </message>
    <message>
        <source>In the Modules table, select no_exit: Refcount is 0, Used by is empty, and Permanent says yes.</source>
        <translation>在“模块”表中选择 no_exit：引用计数为 0，“被依赖”为空，“永久”显示为是。</translation>
    </message>
    <message>
        <source>Click Unload: it is refused, because a module without an exit function can never be unloaded.</source>
        <translation>点击“卸载”：被拒绝，因为没有 exit 函数的模块永远无法卸载。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: insmod starts slow_init, whose init sleeps.</source>
        <translation>选择此场景并点击“运行”：insmod 启动 slow_init，其 init 会休眠。</translation>
    </message>
    <message>
        <source>In the Modules table, select slow_init: State is coming and Refcount is 1, the loader's reference.</source>
        <translation>在“模块”表中选择 slow_init：状态为 coming，引用计数为 1，即加载者的引用。</translation>
    </message>
    <message>
        <source>On the Timeline tab, module_load comes first; the module_put of do_init_module() comes only when init returns.</source>
        <translation>在“时间线”标签页中，module_load 最先出现；do_init_module() 的 module_put 要等 init 返回后才出现。</translation>
    </message>
    <message>
        <source>Click Stop to interrupt insmod and watch the module disappear, or wait until it becomes live with a count of 0.</source>
        <translation>点击“停止”中断 insmod，观察模块消失；或者等待它变为 live，计数为 0。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads export_provider, then export_consumer.</source>
        <translation>选择此场景并点击“运行”：它先加载 export_provider，再加载 export_consumer。</translation>
    </message>
    <message>
        <source>In the Modules table, select export_provider: Refcount is 1 and Used by lists export_consumer.</source>
        <translation>在“模块”表中选择 export_provider：引用计数为 1，“被依赖”列出 export_consumer。</translation>
    </message>
    <message>
        <source>On the Graph tab, the arrow from export_consumer to export_provider is that reference; the Holders panel lists it as a module.</source>
        <translation>在“依赖图”标签页中，从 export_consumer 指向 export_provider 的箭头就是这个引用；“持有者”面板把它列为模块。</translation>
    </message>
    <message>
        <source>Unload export_provider: refused. Unload export_consumer first, then export_provider unloads.</source>
        <translation>卸载 export_provider：被拒绝。先卸载 export_consumer，之后 export_provider 就能卸载。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: processes open /dev/loop-control, /dev/net/tun and /dev/fuse.</source>
        <translation>选择此场景并点击“运行”：几个进程分别打开 /dev/loop-control、/dev/net/tun 和 /dev/fuse。</translation>
    </message>
    <message>
        <source>In the Modules table, select loop, tun and fuse in turn: each Refcount is above 0 and Used by is empty.</source>
        <translation>在“模块”表中依次选择 loop、tun 和 fuse：它们的引用计数都大于 0，“被依赖”为空。</translation>
    </message>
    <message>
        <source>The Holders panel names each process and the device file it holds; on the Timeline tab each open() is a module_get.</source>
        <translation>“持有者”面板列出每个进程及其持有的设备文件；在“时间线”标签页中，每次 open() 都是一个 module_get。</translation>
    </message>
    <message>
        <source>Click Stop: the files close, module_put events follow and the counts go back to 0.</source>
        <translation>点击“停止”：文件关闭，随后出现 module_put 事件，计数回到 0。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A lifecycle step's title (%1, in bold) and its explanation (%2).</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>traffic control: a queueing discipline, a classifier or an action set up with tc on a network device. Each one holds a reference on its module until it is deleted, whether or not any process is still running.</source>
        <translation>流量控制：用 tc 在网络设备上设置的排队规则（qdisc）、分类器或动作。每一个都持有其模块的一个引用，直到被删除，无论是否还有进程在运行。</translation>
    </message>
    <message>
        <source>netfilter: an nftables or iptables-nft rule whose expression, match or target lives in the module, or a base chain of the module's type. Each holds a reference until the rule or chain is deleted.</source>
        <translation>netfilter：其表达式、匹配或目标位于该模块中的 nftables 或 iptables-nft 规则，或该模块类型的基础链。每一个都持有一个引用，直到规则或链被删除。</translation>
    </message>
    <message>
        <source>crypto: users of a crypto algorithm the module registered: AF_ALG sockets, dm-crypt, IPsec, or algorithms built on it. Each user holds a reference on the module until it frees its transform.</source>
        <translation>加密：该模块注册的加密算法的使用者：AF_ALG 套接字、dm-crypt、IPsec 或基于它构建的算法。每个使用者都持有模块的一个引用，直到释放其变换（transform）。</translation>
    </message>
    <message>
        <source>swap: a swap area on a block device of the module's driver (a loop device, a disk). The kernel keeps the device open until swapoff.</source>
        <translation>交换空间：位于该模块驱动的块设备（loop 设备、磁盘）上的交换区。内核会一直打开该设备，直到 swapoff。</translation>
    </message>
    <message>
        <source>BPF: fentry, fexit or fmod_ret programs attached to one of the module's functions. Their trampoline holds a reference until the last of them is detached: its links closed or unpinned.</source>
        <translation>BPF：附加到该模块某个函数上的 fentry、fexit 或 fmod_ret 程序。它们的蹦床（trampoline）持有一个引用，直到最后一个程序被分离：其链接被关闭或取消固定。</translation>
    </message>
    <message>
        <source>The Holders panel finds no holder: the references are unattributed. The timeline's outstanding gets prove the leak: leaky_ref took them on itself and never put them back.</source>
        <translation>持有者面板找不到持有者：这些引用未归属。时间线中未归还的获取证明了泄漏：leaky_ref 给自己获取了它们且从未归还。</translation>
    </message>
    <message>
        <source>TCP congestion control: TCP sockets using the module's congestion control (bbr, htcp, ...), and network namespaces whose default it is. Each socket holds a reference until it is closed, each default until it is changed.</source>
        <translation>TCP 拥塞控制：使用该模块的拥塞控制（bbr、htcp 等）的 TCP 套接字，以及以它为默认值的网络命名空间。每个套接字在关闭前持有一个引用，每个默认值在被更改前持有一个引用。</translation>
    </message>
    <message>
        <source>I/O scheduler: a disk's request queue uses the module's scheduler (bfq, kyber, mq-deadline). The queue holds a reference until another scheduler is chosen for it.</source>
        <translation>I/O 调度器：某个磁盘的请求队列使用了该模块的调度器（bfq、kyber、mq-deadline）。该队列持有一个引用，直到为它选择了其他调度器。</translation>
    </message>
    <message>
        <source>NLS table: a mounted filesystem (vfat, exfat, iso9660, ...) translates file names with the module's character set table. It holds a reference until it is unmounted.</source>
        <translation>NLS 字符表：已挂载的文件系统（vfat、exfat、iso9660 等）用该模块的字符集表转换文件名。它持有一个引用，直到文件系统被取消挂载。</translation>
    </message>
    <message>
        <source>loop backing device: a loop device whose backing file is a block device of the module's driver keeps that device open until it is detached.</source>
        <translation>loop 后端设备：后端文件是该模块驱动的块设备的 loop 设备会一直打开该设备，直到它被分离。</translation>
    </message>
    <message>
        <source>device-mapper: a mapped device's table uses a target type of the module (flakey, crypt, delay, ...) or keeps a device of the module's driver open. It holds the references until the mapped device is removed.</source>
        <translation>device-mapper：映射设备的映射表使用了该模块的目标类型（flakey、crypt、delay 等），或一直打开着该模块驱动的设备。它持有这些引用，直到映射设备被移除。</translation>
    </message>
    <message>
        <source>md array: a software RAID array runs the module's personality (raid1, raid456, ...) or keeps a member device of the module's driver open. It holds the references until the array is stopped.</source>
        <translation>md 阵列：软件 RAID 阵列运行该模块的 personality（raid1、raid456 等），或使该模块驱动的成员设备保持打开。在阵列停止之前，它一直持有这些引用。</translation>
    </message>
    <message>
        <source>io_uring: a process registered a file of the module (a device) with its io_uring. The ring keeps the file open after the process closed its fd, until the ring is closed or the process ends.</source>
        <translation>io_uring：某进程把该模块的文件（设备）注册到其 io_uring。即使进程关闭了自己的 fd，该 ring 仍使文件保持打开，直到 ring 关闭或进程结束。</translation>
    </message>
</context>
<context>
    <name>refscope::TimelineChartView</name>
    <message>
        <source>module_load / module_free</source>
        <translation>module_load / module_free</translation>
    </message>
    <message>
        <source>lost events</source>
        <translation>丢失的事件</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag: zoom to a band · click: marker A · right-click: marker B · double-click: whole recording</source>
        <translation>滚轮：缩放 · 拖动：平移 · Shift+拖动：缩放到选定区间 · 单击：标记 A · 右击：标记 B · 双击：整段录制</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>时间（秒）</translation>
    </message>
    <message>
        <source>References (lsmod)</source>
        <translation>引用数（lsmod）</translation>
    </message>
    <message>
        <source>%1 (0–%2)</source>
        <translation>%1（0–%2）</translation>
    </message>
</context>
<context>
    <name>refscope::TimelineExport</name>
    <message>
        <source>Reference counts of %1 (%2)</source>
        <translation>%1 的引用计数（%2）</translation>
    </message>
    <message>
        <source>RefScope timeline: each module's reference count (lsmod's number) from %1 s to %2 s of the recording %3.</source>
        <translation>RefScope 时间线：记录 %3 从 %1 秒到 %2 秒期间各模块的引用计数（lsmod 显示的数值）。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>无法写入 %1</translation>
    </message>
    <message>
        <source>Cannot write %1 as PNG</source>
        <translation>无法将 %1 写为 PNG</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>无法写入 %1：%2</translation>
    </message>
</context>
<context>
    <name>refscope::TimelineWidget</name>
    <message>
        <source>Events</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Outstanding references</source>
        <translation>未归还的引用</translation>
    </message>
    <message>
        <source>Whole recording</source>
        <translation>整段录制</translation>
    </message>
    <message>
        <source>Zoom out to the whole recording (or double-click the chart)</source>
        <translation>缩小到整段录制（或双击图表）</translation>
    </message>
    <message>
        <source>Clear markers</source>
        <translation>清除标记</translation>
    </message>
    <message>
        <source>OpenGL</source>
        <translation>OpenGL</translation>
    </message>
    <message>
        <source>Draw the curves with OpenGL (faster on a large screen; needs a GPU)</source>
        <translation>用 OpenGL 绘制曲线（大屏幕上更快；需要 GPU）</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>打开跟踪记录…</translation>
    </message>
    <message>
        <source>Export events as CSV…</source>
        <translation>将事件导出为 CSV…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>导出图表…</translation>
    </message>
    <message>
        <source>Save the chart as it is shown, as PNG or SVG</source>
        <translation>将当前显示的图表保存为 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>打开录制文件</translation>
    </message>
    <message>
        <source>Export events as CSV</source>
        <translation>将事件导出为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>导出图表</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG 图像 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <source>No recording yet.
Open a trace.dat (trace-cmd record -e module) or a RefScope session file, or start a capture.</source>
        <translation>还没有录制。
请打开 trace.dat（trace-cmd record -e module）或 RefScope 会话文件，或开始采集。</translation>
    </message>
    <message>
        <source>Open a trace.dat (trace-cmd record -e module) or a RefScope session file</source>
        <translation>打开 trace.dat（trace-cmd record -e module）或 RefScope 会话文件</translation>
    </message>
    <message>
        <source>Every module</source>
        <translation>所有模块</translation>
    </message>
    <message>
        <source>Chart every module of the recording, not only the selected one</source>
        <translation>在图表中显示录制中的所有模块，而不仅是所选模块</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>分道</translation>
    </message>
    <message>
        <source>One lane per module, each to its own scale; off: every curve on one count axis</source>
        <translation>每个模块一条分道，各自按自己的刻度；关闭时所有曲线共用一个计数轴</translation>
    </message>
    <message>
        <source>Discard the capture?</source>
        <translation>丢弃此次采集？</translation>
    </message>
    <message numerus="yes">
        <source>The capture has not been saved: %1 discards its %n event(s). Save it first with File → Save session…, or discard it.</source>
        <translation>
            <numerusform>此次采集尚未保存：%1将丢弃其 %n 个事件。请先用“文件 → 保存会话…”保存，或者丢弃它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the capture</source>
        <translation>丢弃此次采集</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>打开 %1</translation>
    </message>
    <message>
        <source>Export events…</source>
        <translation>导出事件…</translation>
    </message>
    <message>
        <source>Save the events as a JSON trace that Perfetto (ui.perfetto.dev) and chrome://tracing open: a reference count track per module and the gets and puts</source>
        <translation>将事件保存为 Perfetto（ui.perfetto.dev）和 chrome://tracing 可打开的 JSON 跟踪：每个模块一条引用计数轨道，以及各次 get 和 put</translation>
    </message>
    <message>
        <source>Export events for Perfetto</source>
        <translation>为 Perfetto 导出事件</translation>
    </message>
    <message>
        <source>JSON traces (*.json)</source>
        <translation>JSON 跟踪 (*.json)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the capture before exporting its events.</source>
        <translation>请先停止采集，再导出其事件。</translation>
    </message>
    <message>
        <source>Exporting the events to %1…</source>
        <translation>正在将事件导出到 %1…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>The capture of %2 has not been saved: %1 discards its %n event(s). Show %2 and save it first with File → Save session…, or discard it.</source>
        <translation>
            <numerusform>%2 的采集尚未保存：%1将丢弃其 %n 个事件。请先显示 %2 并用“文件 → 保存会话…”保存，或者丢弃它。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>refscope::TraceFile</name>
    <message>
        <source>loading cancelled</source>
        <translation>已取消加载</translation>
    </message>
    <message>
        <source>CPU %1 %2</source>
        <translation>CPU %1 %2</translation>
    </message>
    <message>
        <source>has corrupt compressed data</source>
        <translation>包含损坏的压缩数据</translation>
    </message>
    <message>
        <source>has a corrupt ring-buffer page</source>
        <translation>包含损坏的环形缓冲区页</translation>
    </message>
    <message>
        <source>has a corrupt event</source>
        <translation>包含损坏的事件</translation>
    </message>
    <message>
        <source>the recording has no module events (record them with trace-cmd record -e module)</source>
        <translation>该记录中没有模块事件（请用 trace-cmd record -e module 记录）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：没有这个文件</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1：不是普通文件</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1：文件为空</translation>
    </message>
    <message>
        <source>%1: not a trace-cmd data file (trace.dat)</source>
        <translation>%1：不是 trace-cmd 数据文件（trace.dat）</translation>
    </message>
    <message>
        <source>%1: trace.dat version %2 is not supported (6 and 7 are)</source>
        <translation>%1：不支持 trace.dat 版本 %2（支持 6 和 7）</translation>
    </message>
    <message>
        <source>%1: the file ends inside its header</source>
        <translation>%1：文件在文件头内部就结束了</translation>
    </message>
    <message>
        <source>%1: the trace.dat header is corrupt</source>
        <translation>%1：trace.dat 文件头已损坏</translation>
    </message>
    <message>
        <source>the header's page size is corrupt</source>
        <translation>文件头中的页大小已损坏</translation>
    </message>
    <message>
        <source>the file holds no ring-buffer data</source>
        <translation>文件中没有环形缓冲区数据</translation>
    </message>
    <message>
        <source>the ring-buffer header description is corrupt</source>
        <translation>环形缓冲区头部描述已损坏</translation>
    </message>
    <message>
        <source>the event formats are corrupt</source>
        <translation>事件格式已损坏</translation>
    </message>
    <message>
        <source>CPU %1's data lies outside the file</source>
        <translation>CPU %1 的数据位于文件范围之外</translation>
    </message>
    <message>
        <source>CPU %1's table of compressed chunks is corrupt</source>
        <translation>CPU %1 的压缩块表已损坏</translation>
    </message>
    <message>
        <source>the symbol, printk or command-line tables are corrupt</source>
        <translation>符号表、printk 表或命令行表已损坏</translation>
    </message>
    <message>
        <source>the options or the CPU count are corrupt</source>
        <translation>选项或 CPU 数量已损坏</translation>
    </message>
    <message>
        <source>the file names no known kind of trace data</source>
        <translation>文件未注明任何已知类型的跟踪数据</translation>
    </message>
    <message>
        <source>the table of CPU data is truncated</source>
        <translation>CPU 数据表已截断</translation>
    </message>
    <message>
        <source>section %1 is corrupt or truncated</source>
        <translation>段 %1 已损坏或被截断</translation>
    </message>
    <message>
        <source>compressed section %1 is corrupt</source>
        <translation>压缩段 %1 已损坏</translation>
    </message>
    <message>
        <source>compressed section %1 does not decompress</source>
        <translation>压缩段 %1 无法解压</translation>
    </message>
    <message>
        <source>an options section ends badly</source>
        <translation>某个选项段结尾异常</translation>
    </message>
    <message>
        <source>section %1 is corrupt</source>
        <translation>段 %1 已损坏</translation>
    </message>
    <message>
        <source>the command lines are corrupt</source>
        <translation>命令行表已损坏</translation>
    </message>
    <message>
        <source>a buffer description is corrupt</source>
        <translation>某个缓冲区描述已损坏</translation>
    </message>
    <message>
        <source>an options section is truncated</source>
        <translation>某个选项段被截断</translation>
    </message>
    <message>
        <source>the header is truncated</source>
        <translation>文件头被截断</translation>
    </message>
    <message>
        <source>compression "%1" is not supported (zstd is)</source>
        <translation>不支持压缩方式“%1”（支持 zstd）</translation>
    </message>
    <message>
        <source>the options sections loop</source>
        <translation>选项段形成了循环</translation>
    </message>
    <message>
        <source>the recording holds no module events</source>
        <translation>该记录中没有模块事件</translation>
    </message>
    <message>
        <source>%1: libtracecmd cannot read this trace file</source>
        <translation>%1：libtracecmd 无法读取此跟踪文件</translation>
    </message>
    <message>
        <source>%1: the trace file names no CPU</source>
        <translation>%1：跟踪文件未注明任何 CPU</translation>
    </message>
    <message>
        <source>an options section</source>
        <translation>一个选项段</translation>
    </message>
    <message>
        <source>the ring-buffer header section</source>
        <translation>环形缓冲区头部段</translation>
    </message>
    <message>
        <source>the ftrace event formats section</source>
        <translation>ftrace 事件格式段</translation>
    </message>
    <message>
        <source>the event formats section</source>
        <translation>事件格式段</translation>
    </message>
    <message>
        <source>the kernel symbols section</source>
        <translation>内核符号段</translation>
    </message>
    <message>
        <source>the printk formats section</source>
        <translation>printk 格式段</translation>
    </message>
    <message>
        <source>the command lines section</source>
        <translation>命令行段</translation>
    </message>
    <message>
        <source>section %1</source>
        <translation>段 %1</translation>
    </message>
    <message>
        <source>%1 would take more memory than a file of %2 KiB can need (%3 MiB in all): the file is corrupt or crafted</source>
        <translation>%1 所需的内存超过了 %2 KiB 的文件可能需要的量（总计 %3 MiB）：文件已损坏或是被刻意构造的</translation>
    </message>
    <message>
        <source>CPU %1's data overlaps CPU %2's</source>
        <translation>CPU %1 的数据与 CPU %2 的数据重叠</translation>
    </message>
    <message>
        <source>the event formats</source>
        <translation>事件格式</translation>
    </message>
    <message>
        <source>the table of CPUs</source>
        <translation>CPU 表</translation>
    </message>
    <message>
        <source>CPU %1's table of compressed chunks</source>
        <translation>CPU %1 的压缩块表</translation>
    </message>
    <message>
        <source>CPU %1's compressed chunks</source>
        <translation>CPU %1 的压缩块</translation>
    </message>
    <message>
        <source>CPU %1's compressed chunks would decompress to more than a file of %2 KiB can hold (%3 MiB of pages in all): the file is corrupt or crafted</source>
        <translation>CPU %1 的压缩块解压后超过了 %2 KiB 的文件可能容纳的量（总计 %3 MiB 的页）：文件已损坏或是被刻意构造的</translation>
    </message>
    <message>
        <source>the module event formats are corrupt</source>
        <translation>module 事件的格式已损坏</translation>
    </message>
    <message>
        <source>%1 changed since it was loaded</source>
        <translation>%1 在载入之后已被改动</translation>
    </message>
</context>
<context>
    <name>refscope::WindowSettings</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>How a &amp;module lives…</source>
        <translation>模块的生命周期(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;About RefScope</source>
        <translation>关于 RefScope(&amp;A)</translation>
    </message>
    <message>
        <source>How a module lives</source>
        <translation>模块的生命周期</translation>
    </message>
    <message>
        <source>About RefScope</source>
        <translation>关于 RefScope</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;RefScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Shows why a Linux kernel module cannot be unloaded: its reference count over time, who holds it, and how to let it go safely.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later (the kernel modules: GPL-2.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;RefScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;显示 Linux 内核模块为什么无法卸载：它的引用计数如何随时间变化、谁持有它，以及如何安全地释放它。&lt;/p&gt;&lt;p&gt;许可证：GPL-3.0-or-later（内核模块：GPL-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No longer on disk, removed from the recent files: %1</source>
        <translation>已不在磁盘上，已从最近文件中移除：%1</translation>
    </message>
</context>
</TS>
