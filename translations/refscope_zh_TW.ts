<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_TW">
<context>
    <name>CompareTargets</name>
    <message>
        <source>an empty target</source>
        <translation>空的目標</translation>
    </message>
</context>
<context>
    <name>Origin</name>
    <message>
        <source>origin not recorded</source>
        <translation>未記錄來源</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>remote host</source>
        <translation>遠端主機</translation>
    </message>
    <message>
        <source>recorded by trace-cmd</source>
        <translation>由 trace-cmd 錄製</translation>
    </message>
    <message>
        <source>host %1</source>
        <translation>主機 %1</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>核心 %1</translation>
    </message>
</context>
<context>
    <name>OutstandingRefs</name>
    <message>
        <source>%1 (put only)</source>
        <translation>%1（僅 put）</translation>
    </message>
    <message>
        <source>Events lost; counts per call site are exact from the kernel's counters</source>
        <translation>有事件遺失；各呼叫位置的計數來自核心自己的計數器，是準確的</translation>
    </message>
    <message>
        <source>Events lost; counts may be incomplete</source>
        <translation>有事件遺失；計數可能不完整</translation>
    </message>
    <message>
        <source>%1 events lost; counts per call site are exact from the kernel's counters</source>
        <translation>遺失了 %1 個事件；各呼叫位置的計數來自核心自己的計數器，是準確的</translation>
    </message>
    <message>
        <source>%1 events lost; counts may be incomplete</source>
        <translation>遺失了 %1 個事件；計數可能不完整</translation>
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
        <translation>%1 納秒</translation>
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
        <translation>按一下放置標記 A，按右鍵放置標記 B</translation>
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
        <translation>顯示 Linux 核心模組為什麼無法卸載。</translation>
    </message>
    <message>
        <source>Show a saved snapshot (read-only).</source>
        <translation>顯示已儲存的快照（唯讀）。</translation>
    </message>
    <message>
        <source>FILE.json</source>
        <translation>檔案.json</translation>
    </message>
    <message>
        <source>Boot the lab guest (Debian's kernel under QEMU) and show its modules (the default when this kernel has no loadable modules).</source>
        <translation>啟動實驗環境虛擬機器（QEMU 中執行的 Debian 核心）並顯示其中的模組（目前核心不支援可載入模組時預設如此）。</translation>
    </message>
    <message>
        <source>refscope: refusing to run as root. Start it as your own user; it asks for root only through refscope-agent (pkexec).</source>
        <translation>refscope：拒絕以 root 身份執行。請以普通使用者啟動；它只會透過 refscope-agent（pkexec）申請 root 權限。</translation>
    </message>
    <message>
        <source>refscope: --snapshot and --lab exclude each other.</source>
        <translation>refscope：--snapshot 與 --lab 不能同時使用。</translation>
    </message>
    <message>
        <source>refscope: cannot read %1</source>
        <translation>refscope：無法讀取 %1</translation>
    </message>
    <message>
        <source>The kernel the lab guest boots, as an installed release (e.g. 6.12.118+deb12-amd64); implies --lab.</source>
        <translation>實驗環境虛擬機器啟動的核心，填寫已安裝的版本號（例如 6.12.118+deb12-amd64）；隱含 --lab。</translation>
    </message>
    <message>
        <source>RELEASE</source>
        <translation>版本號</translation>
    </message>
    <message>
        <source>Show another machine's modules, read by the refscope-agent that ssh starts there as root (your own SSH keys and configuration; nothing is asked).</source>
        <translation>顯示另一台機器的模組，由 ssh 在那裡以 root 身分啟動的 refscope-agent 讀取（使用你自己的 SSH 金鑰和設定；不會詢問任何內容）。</translation>
    </message>
    <message>
        <source>[USER@]HOST[:PORT]</source>
        <translation>[使用者@]主機[:連接埠]</translation>
    </message>
    <message>
        <source>How the agent gets root there: auto (directly when you log in as root, else sudo -n), root, sudo or pkexec.</source>
        <translation>代理程式在那裡如何取得 root 權限：auto（以 root 登入時直接執行，否則用 sudo -n）、root、sudo 或 pkexec。</translation>
    </message>
    <message>
        <source>MODE</source>
        <translation>方式</translation>
    </message>
    <message>
        <source>Where refscope-agent is on that machine.</source>
        <translation>refscope-agent 在那台機器上的位置。</translation>
    </message>
    <message>
        <source>PATH</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>The ssh configuration file to use (ssh -F).</source>
        <translation>要使用的 ssh 設定檔（ssh -F）。</translation>
    </message>
    <message>
        <source>FILE</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>--ssh-privilege is auto, root, sudo or pkexec</source>
        <translation>--ssh-privilege 只能是 auto、root、sudo 或 pkexec</translation>
    </message>
    <message>
        <source>--ssh excludes --snapshot and --lab.</source>
        <translation>--ssh 不能與 --snapshot 或 --lab 同時使用。</translation>
    </message>
</context>
<context>
    <name>refscope::AgentClient</name>
    <message>
        <source>a new connection replaced this one</source>
        <translation>已被新的連線取代</translation>
    </message>
    <message>
        <source>the agent closed the connection</source>
        <translation>代理關閉了連線</translation>
    </message>
    <message>
        <source>the connection to the agent is not open</source>
        <translation>與代理的連線未開啟</translation>
    </message>
    <message>
        <source>could not start %1: %2</source>
        <translation>無法啟動 %1：%2</translation>
    </message>
    <message>
        <source>not connected to an agent</source>
        <translation>未連線到代理</translation>
    </message>
    <message>
        <source>could not write to the agent: %1</source>
        <translation>無法向代理寫入：%1</translation>
    </message>
    <message>
        <source>the agent did not answer %1 within %2 ms</source>
        <translation>代理未在 %2 毫秒內回應 %1</translation>
    </message>
    <message>
        <source>authentication dismissed</source>
        <translation>已取消認證</translation>
    </message>
    <message>
        <source>not authorized</source>
        <translation>未獲授權</translation>
    </message>
    <message>
        <source>the agent (%1) was killed</source>
        <translation>代理（%1）被終止</translation>
    </message>
    <message>
        <source>the agent (%1) exited with code %2</source>
        <translation>代理（%1）退出，退出碼 %2</translation>
    </message>
    <message>
        <source>the agent refused the handshake: %1</source>
        <translation>代理拒絕了握手：%1</translation>
    </message>
    <message>
        <source>protocol mismatch: the agent does not speak protocol %1</source>
        <translation>協定不匹配：代理不支援協定 %1</translation>
    </message>
    <message>
        <source>protocol error: the agent sent a line longer than 64 MiB</source>
        <translation>協定錯誤：代理發來一行超過 64 MiB 的資料</translation>
    </message>
    <message>
        <source>protocol error: %1</source>
        <translation>協定錯誤：%1</translation>
    </message>
</context>
<context>
    <name>refscope::AgentSnapshotSource</name>
    <message>
        <source>The connection to %1 ended: %2</source>
        <translation>與 %1 的連線已斷開：%2</translation>
    </message>
</context>
<context>
    <name>refscope::BuiltinModuleModel</name>
    <message>
        <source>Built-in module</source>
        <translation>內建模組</translation>
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
        <translation>佇列規則（qdisc）</translation>
    </message>
    <message>
        <source>tc filter</source>
        <translation>tc 過濾器</translation>
    </message>
    <message>
        <source>tc action</source>
        <translation>tc 動作</translation>
    </message>
    <message>
        <source>netfilter</source>
        <translation>netfilter 防火牆規則</translation>
    </message>
    <message>
        <source>bpf</source>
        <translation>BPF 程式</translation>
    </message>
    <message>
        <source>block device</source>
        <translation>區塊裝置</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>通訊端</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>掛載</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>the module's own get in open</source>
        <translation>模組在 open 中自己取得的參考</translation>
    </message>
    <message>
        <source>leak-prone: the module's own get</source>
        <translation>可能洩漏：模組自己取得的參考</translation>
    </message>
    <message>
        <source>unknown: never dropped</source>
        <translation>未知：絕不丟棄</translation>
    </message>
</context>
<context>
    <name>refscope::CaptureControl</name>
    <message>
        <source>Capture</source>
        <translation>擷取</translation>
    </message>
    <message>
        <source>Record every module's reference count live through refscope-agent (the lab guest, or Read as root)</source>
        <translation>透過 refscope-agent 即時錄製每個模組的參考計數（實驗環境虛擬機器，或以 root 身份讀取）</translation>
    </message>
    <message>
        <source>live capture</source>
        <translation>即時擷取</translation>
    </message>
    <message>
        <source>Hide RefScope's scans</source>
        <translation>隱藏 RefScope 的掃描</translation>
    </message>
    <message>
        <source>Leave out of the capture the references RefScope's own agent takes and drops while it looks for holders (its loads and unloads stay)</source>
        <translation>擷取時略去 RefScope 自身代理程式在尋找持有者時取得和釋放的參考（其載入和卸載事件仍保留）</translation>
    </message>
    <message>
        <source>capture ended at %1</source>
        <translation>擷取結束於 %1</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n event(s) of RefScope's own scans left out)</source>
        <translation>
            <numerusform>%1（略去了 RefScope 自身掃描的 %n 個事件）</numerusform>
        </translation>
    </message>
    <message>
        <source>a new capture</source>
        <translation>開始新的擷取</translation>
    </message>
    <message>
        <source>live capture of %1</source>
        <translation>%1 的即時擷取</translation>
    </message>
    <message>
        <source>capture of %1, ended at %2</source>
        <translation>%1 的擷取，結束於 %2</translation>
    </message>
</context>
<context>
    <name>refscope::CompareModel</name>
    <message>
        <source>Loaded</source>
        <translation>已載入</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Srcversion</source>
        <translation>原始碼版本</translation>
    </message>
    <message>
        <source>Used</source>
        <translation>使用計數</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>被依賴</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>汙染標記</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>參數</translation>
    </message>
    <message>
        <source>%1: %2 — %3</source>
        <translation>%1：%2 — %3</translation>
    </message>
    <message>
        <source>kernel %1</source>
        <translation>核心 %1</translation>
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
        <translation>各目標在此模組上有差異</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>read %1</source>
        <translation>讀取於 %1</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>實驗環境虛擬機器</translation>
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
        <translation>僅顯示差異</translation>
    </message>
    <message>
        <source>Compare modules</source>
        <translation>比較模組</translation>
    </message>
    <message>
        <source>Compare with snapshot</source>
        <translation>與快照比較</translation>
    </message>
    <message>
        <source>RefScope snapshots and sessions (*.json *.rscope);;All files (*)</source>
        <translation>RefScope 快照與工作階段 (*.json *.rscope);;所有檔案 (*)</translation>
    </message>
    <message>
        <source>%1 modules compared, %2 with differences</source>
        <translation>已比較 %1 個模組，其中 %2 個有差異</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Read this machine, SSH hosts and the lab's guest again</source>
        <translation>重新讀取本機、SSH 主機和實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>This machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>The modules loaded here now, read without root</source>
        <translation>本機目前載入的模組，無需 root 即可讀取</translation>
    </message>
    <message>
        <source>An SSH host…</source>
        <translation>SSH 主機…</translation>
    </message>
    <message>
        <source>The lab's guest</source>
        <translation>實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>Snapshot file…</source>
        <translation>快照檔案…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>新增</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>the lab guest</source>
        <translation>實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>無法讀取 %1：%2</translation>
    </message>
    <message>
        <source>The lab's guest (%1)</source>
        <translation>實驗環境虛擬機器（%1）</translation>
    </message>
    <message>
        <source>Remove %1</source>
        <translation>移除 %1</translation>
    </message>
    <message>
        <source>Compare with an SSH host</source>
        <translation>與 SSH 主機比較</translation>
    </message>
    <message>
        <source>Host, as [USER@]HOST[:PORT]. RefScope's agent runs there as root, through your own SSH keys and configuration.</source>
        <translation>主機，格式為 [USER@]HOST[:PORT]。RefScope 的代理程式將以 root 身分在該主機上執行，使用你自己的 SSH 金鑰和設定。</translation>
    </message>
    <message>
        <source>reading…</source>
        <translation>讀取中…</translation>
    </message>
    <message>
        <source>not refreshed: %1</source>
        <translation>未能重新整理：%1</translation>
    </message>
    <message>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <source>Add a target to compare with: this machine, an SSH host, the lab's guest or a snapshot file.</source>
        <translation>新增要比較的目標：本機、SSH 主機、實驗環境虛擬機器或快照檔案。</translation>
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
        <translation>放大（或滾動滑鼠滾輪）</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>縮小</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>適應視窗</translation>
    </message>
    <message>
        <source>Show the whole graph</source>
        <translation>顯示整張圖</translation>
    </message>
    <message>
        <source>Levels: </source>
        <translation>層數：</translation>
    </message>
    <message>
        <source>How many levels of users and of used modules a neighbourhood shows</source>
        <translation>鄰域檢視顯示多少層使用者和被使用的模組</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>鄰域</translation>
    </message>
    <message>
        <source>Show only the selected module, its users and what it uses (or double-click a module)</source>
        <translation>只顯示所選模組、它的使用者以及它所使用的模組（也可按兩下模組）</translation>
    </message>
    <message>
        <source>Show all</source>
        <translation>全部顯示</translation>
    </message>
    <message>
        <source>Show every loaded module</source>
        <translation>顯示所有已載入的模組</translation>
    </message>
    <message>
        <source>%1…</source>
        <translation>%1…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>匯出</translation>
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
        <translation>載入中</translation>
    </message>
    <message>
        <source>unloading</source>
        <translation>卸載中</translation>
    </message>
    <message>
        <source>[tainted]</source>
        <translation>[已汙染]</translation>
    </message>
    <message>
        <source>double box: permanent · arrow: uses</source>
        <translation>雙線框：永久 · 箭頭：使用</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>正在排版…</translation>
    </message>
    <message>
        <source>No modules are loaded.</source>
        <translation>沒有已載入的模組。</translation>
    </message>
    <message>
        <source>No modules</source>
        <translation>沒有模組</translation>
    </message>
    <message>
        <source>1 module</source>
        <translation>1 個模組</translation>
    </message>
    <message>
        <source>%1 modules</source>
        <translation>%1 個模組</translation>
    </message>
    <message>
        <source>1 link</source>
        <translation>1 條連線</translation>
    </message>
    <message>
        <source>%1 links</source>
        <translation>%1 條連線</translation>
    </message>
    <message>
        <source> around %1</source>
        <translation>，以 %1 為中心</translation>
    </message>
    <message>
        <source>Export the graph as %1</source>
        <translation>將圖匯出為 %1</translation>
    </message>
    <message>
        <source>%1 files (*.%2)</source>
        <translation>%1 檔案 (*.%2)</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>匯出失敗</translation>
    </message>
</context>
<context>
    <name>refscope::DetailsDock</name>
    <message>
        <source>Module details</source>
        <translation>模組詳情</translation>
    </message>
    <message>
        <source>Select a module to see why it is loaded and who holds it.</source>
        <translation>選擇一個模組，檢視它為何被載入以及誰持有它。</translation>
    </message>
    <message>
        <source>Where it is in its life</source>
        <translation>它處於生命週期的哪一步</translation>
    </message>
    <message>
        <source>%1 is not loaded now.</source>
        <translation>%1 目前未載入。</translation>
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
        <translation>全部顯示</translation>
    </message>
    <message>
        <source>Module:</source>
        <translation>模組：</translation>
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
        <translation>選擇一個事件以檢視其欄位和核心呼叫堆疊</translation>
    </message>
    <message>
        <source>Every module</source>
        <translation>所有模組</translation>
    </message>
    <message>
        <source>Showing the events of %1</source>
        <translation>正在顯示 %1 的事件</translation>
    </message>
    <message>
        <source>No kernel stack was recorded with this event (record with stacks: trace-cmd record -T, or RefScope's capture with stacks).</source>
        <translation>此事件沒有記錄核心呼叫堆疊（如需呼叫堆疊，請用 trace-cmd record -T 錄製，或使用 RefScope 帶呼叫堆疊的擷取）。</translation>
    </message>
    <message>
        <source>Kernel stack:</source>
        <translation>核心呼叫堆疊：</translation>
    </message>
    <message>
        <source>%1–%2 s</source>
        <translation>%1–%2 秒</translation>
    </message>
    <message>
        <source>The table shows the events in the chart's window, or between markers A and B when both are placed</source>
        <translation>表格顯示圖表視窗內的事件；若已放置標記 A 和 B，則顯示兩者之間的事件</translation>
    </message>
    <message>
        <source>%1 (not in this recording)</source>
        <translation>%1（不在此錄製中）</translation>
    </message>
    <message>
        <source>Search module, call site, PID, comm or text (Ctrl+F)</source>
        <translation>搜尋模組、呼叫位置、PID、行程名稱或文字（Ctrl+F）</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>上一個符合項（Shift+Enter、Shift+F3）</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>下一個符合項（Enter、F3）</translation>
    </message>
    <message>
        <source>Show only matches</source>
        <translation>僅顯示符合項</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>尋找：</translation>
    </message>
    <message>
        <source>%1 of %2 so far (%3%)</source>
        <translation>第 %1 個，目前共 %2 個（已搜尋 %3%）</translation>
    </message>
    <message>
        <source>No match</source>
        <translation>無符合項</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>第 %1 個，共 %2 個</translation>
    </message>
    <message>
        <source>Showing the matches of “%1”</source>
        <translation>正在顯示「%1」的符合項</translation>
    </message>
</context>
<context>
    <name>refscope::EventStore</name>
    <message>
        <source>the events' pids, commands and call sites cannot be read back (%1)</source>
        <translation>無法讀回這些事件的 PID、命令和呼叫點（%1）</translation>
    </message>
</context>
<context>
    <name>refscope::EventTableModel</name>
    <message>
        <source>Time (s)</source>
        <translation>時間（秒）</translation>
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
        <translation>任務</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>事件</translation>
    </message>
    <message>
        <source>Module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>計數</translation>
    </message>
    <message>
        <source>Call site</source>
        <translation>呼叫位置</translation>
    </message>
</context>
<context>
    <name>refscope::FileSnapshotSource</name>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not valid JSON (at byte %2): %3</source>
        <translation>%1 不是有效的 JSON（第 %2 位元組處）：%3</translation>
    </message>
    <message>
        <source>%1 does not hold a snapshot object.</source>
        <translation>%1 中沒有快照物件。</translation>
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
        <translation>強制釋放…</translation>
    </message>
    <message>
        <source>The lab guest's agent is not connected.</source>
        <translation>實驗虛擬機器的代理尚未連線。</translation>
    </message>
    <message>
        <source>pkexec is not installed (apt install pkexec): RefScope asks polkit through it before it changes the kernel.</source>
        <translation>未安裝 pkexec（apt install pkexec）：RefScope 在變更核心之前要透過它詢問 polkit。</translation>
    </message>
    <message>
        <source>refscope-agent was not found next to RefScope or where it is installed.</source>
        <translation>在 RefScope 旁邊和安裝位置都找不到 refscope-agent。</translation>
    </message>
    <message>
        <source>Clear what holds %1 and unload it, step by step</source>
        <translation>逐步清除持有 %1 的對象並卸載它</translation>
    </message>
    <message>
        <source>the timeline's recording</source>
        <translation>時間軸的錄製</translation>
    </message>
    <message>
        <source>ssh is not installed (apt install openssh-client).</source>
        <translation>未安裝 ssh（apt install openssh-client）。</translation>
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
        <translation>關閉 %2 的通訊端 %1（%3）</translation>
    </message>
    <message>
        <source>close %1 of %2 (%3)</source>
        <translation>關閉 %2 的 %1（%3）</translation>
    </message>
    <message>
        <source>close socket %1 of %2 (%3), and in pids %4, which share the same open file (fork)</source>
        <translation>關閉 %2 的通訊端 %1（%3），並在共享同一開啟檔案（fork）的 pid %4 中關閉</translation>
    </message>
    <message>
        <source>close %1 of %2 (%3), and in pids %4, which share the same open file (fork)</source>
        <translation>關閉 %2 的 %1（%3），並在共享同一開啟檔案（fork）的 pid %4 中關閉</translation>
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
        <translation>在沒有人使用後分離 %1（losetup -d %2）</translation>
    </message>
    <message>
        <source>%1 has %2 mapped: end it (kill %3) or make it unmap the file</source>
        <translation>%1 映射了 %2：結束它（kill %3）或讓它解除對該檔案的對映</translation>
    </message>
    <message>
        <source>umount %1</source>
        <translation>解除安裝掛載點 %1（umount %1）</translation>
    </message>
    <message>
        <source>unload user module %1 first (rmmod %1)</source>
        <translation>先解除安裝使用它的模組 %1（rmmod %1）</translation>
    </message>
    <message>
        <source>%1 is not loaded.</source>
        <translation>%1 未載入。</translation>
    </message>
    <message>
        <source>%1 is built into the kernel: it can never be unloaded.</source>
        <translation>%1 已編譯進核心：永遠無法卸載。</translation>
    </message>
    <message>
        <source>This kernel was built without CONFIG_MODULE_UNLOAD: no module, %1 included, can ever be unloaded.</source>
        <translation>此核心編譯時未啟用 CONFIG_MODULE_UNLOAD：任何模組（包括 %1）都無法解除安裝。</translation>
    </message>
    <message>
        <source>%1 has no exit function (permanent): the kernel will never unload it, whatever its count.</source>
        <translation>%1 沒有退出函式（permanent）：無論參考計數是多少，核心都不會解除安裝它。</translation>
    </message>
    <message>
        <source>%1 is still initialising (coming): its loader holds one reference until the init function returns.</source>
        <translation>%1 仍在初始化（coming）：載入它的行程持有一個參考，直到 init 函式返回。</translation>
    </message>
    <message>
        <source>%1 is already being unloaded (going).</source>
        <translation>%1 正在被解除安裝（going）。</translation>
    </message>
    <message>
        <source>Nothing holds %1: rmmod %1 will unload it.</source>
        <translation>沒有任何東西持有 %1：rmmod %1 即可解除安裝它。</translation>
    </message>
    <message>
        <source>The inferred holders claimed %1 more than the count; those claims are counted as 0.</source>
        <translation>推斷出的持有者比參考計數多出 %1 個；這些多出的按 0 計。</translation>
    </message>
    <message>
        <source>wait for %1's init to finish, or interrupt the insmod or modprobe loading it</source>
        <translation>等待 %1 的 init 完成，或中斷正在載入它的 insmod 或 modprobe</translation>
    </message>
    <message>
        <source>run as root: other users' processes could not be read, so their holders are missing here</source>
        <translation>以 root 身份執行：無法讀取其他使用者的行程，因此這裡缺少它們的持有者</translation>
    </message>
    <message>
        <source>each inferred open file is counted as 1 reference, but one open can hold more (its file operations and its cdev or socket protocol, as tun's do, or a driver's own get in open): RefScope's helper kernel module counts them exactly</source>
        <translation>每個推斷出的開啟檔案按 1 個參考計算，但一次開啟可能持有更多（檔案操作加上 cdev 或通訊端協議，如 tun；或驅動在 open 中自己的 get）：RefScope 的輔助核心模組能精確計數</translation>
    </message>
    <message>
        <source>reboot: a permanent module leaves only with the kernel</source>
        <translation>重啟：永久模組只會隨核心一起消失</translation>
    </message>
    <message>
        <source>last resort: RefScope's safe force release (this kernel has CONFIG_MODULE_FORCE_UNLOAD)</source>
        <translation>最後手段：RefScope 的安全強制釋放（此核心啟用了 CONFIG_MODULE_FORCE_UNLOAD）</translation>
    </message>
    <message>
        <source>file</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>socket</source>
        <translation>通訊端</translation>
    </message>
    <message>
        <source>mount</source>
        <translation>掛載</translation>
    </message>
    <message>
        <source>module</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>kernel thread</source>
        <translation>核心執行緒</translation>
    </message>
    <message>
        <source>exact</source>
        <translation>精確</translation>
    </message>
    <message>
        <source>inferred</source>
        <translation>推斷</translation>
    </message>
    <message>
        <source>/sys/module/%1/holders lists %2: it uses %1's symbols</source>
        <translation>/sys/module/%1/holders 列出了 %2：它使用了 %1 的符號</translation>
    </message>
    <message>
        <source>counted as 0: the module's count has no reference left for it (the rule may be wrong here)</source>
        <translation>按 0 計：模組的參考計數裡已沒有留給它的參考（此處規則可能不準）</translation>
    </message>
    <message>
        <source>sysfs: the device's driver belongs to %1</source>
        <translation>sysfs：該裝置的驅動程式屬於 %1</translation>
    </message>
    <message>
        <source>modules.alias: %1</source>
        <translation>modules.alias：%1</translation>
    </message>
    <message>
        <source>sysfs: device %1 is named after the module %2</source>
        <translation>sysfs：裝置 %1 以模組 %2 命名</translation>
    </message>
    <message>
        <source>/proc/tty/drivers: tty driver %1</source>
        <translation>/proc/tty/drivers：tty 驅動程式 %1</translation>
    </message>
    <message>
        <source>/proc/devices: %1 major %2 is "%3"</source>
        <translation>/proc/devices：%1 主裝置號 %2 是「%3」</translation>
    </message>
    <message>
        <source>/proc/net/protocols: %1 belongs to %2</source>
        <translation>/proc/net/protocols：%1 屬於 %2</translation>
    </message>
    <message>
        <source>netlink protocol %1, modules.alias: %2</source>
        <translation>netlink 協定 %1，modules.alias：%2</translation>
    </message>
    <message>
        <source>filesystem type %1, modules.alias: %2</source>
        <translation>檔案系統類型 %1，modules.alias：%2</translation>
    </message>
    <message>
        <source>filesystem type %1 is named after the module</source>
        <translation>檔案系統類型 %1 以該模組命名</translation>
    </message>
    <message>
        <source>anonymous inode %1 is named after the module</source>
        <translation>匿名 inode %1 以該模組命名</translation>
    </message>
    <message>
        <source>same superblock as an earlier mount point</source>
        <translation>與前面某個掛載點是同一個超級區塊</translation>
    </message>
    <message>
        <source>a bound loop device holds its driver until losetup -d</source>
        <translation>已繫結的 loop 裝置會一直持有其驅動程式，直到 losetup -d</translation>
    </message>
    <message>
        <source>mounted from %1 (block %2)</source>
        <translation>掛載自 %1（區塊裝置 %2）</translation>
    </message>
    <message>
        <source>exact: %1</source>
        <translation>精確：%1</translation>
    </message>
    <message>
        <source>exact: %1 (%2)</source>
        <translation>精確：%1（%2）</translation>
    </message>
    <message>
        <source>in no process's file table: a kernel thread or the kernel keeps it after its process closed it</source>
        <translation>不在任何行程的檔案表中：其行程關閉後，由核心執行緒或核心保留著它</translation>
    </message>
    <message>
        <source>the module runs %1 kernel thread(s) of its own, which its exit stops</source>
        <translation>該模組執行著 %1 個自己的核心執行緒，模組退出時會停止它們</translation>
    </message>
    <message>
        <source>the kernel loads only signed modules here (Secure Boot lockdown or module.sig_enforce) and refused %1: install the helper with DKMS, which signs it with its key, and enroll that key once with `mokutil --import /var/lib/dkms/mok.pub` (then reboot and confirm it in the MOK manager)</source>
        <translation>此核心只加載已簽名的模組（Secure Boot lockdown 或 module.sig_enforce），拒絕了 %1：請用 DKMS 安裝輔助模組，DKMS 會用它的金鑰簽名；再用 `mokutil --import /var/lib/dkms/mok.pub` 登記一次該金鑰（然後重啟，在 MOK 管理器中確認）</translation>
    </message>
    <message>
        <source>loading RefScope's helper module needs root (CAP_SYS_MODULE)</source>
        <translation>載入 RefScope 的輔助模組需要 root 權限（CAP_SYS_MODULE）</translation>
    </message>
    <message>
        <source>%1 was built for another kernel than the running %2: install the helper with DKMS so it is built for this kernel</source>
        <translation>%1 是為另一個核心建置的，而不是正在執行的 %2：請用 DKMS 安裝輔助模組，讓它為此核心建置</translation>
    </message>
    <message>
        <source>the kernel refused to load %1: %2 (the kernel log may say more)</source>
        <translation>核心拒絕載入 %1：%2（核心日誌中可能有更多資訊）</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>the loaded refscope_helper speaks interface version %1, this RefScope needs %2: unload it (rmmod refscope_helper) so the matching one is loaded</source>
        <translation>已載入的 refscope_helper 使用介面版本 %1，而此 RefScope 需要 %2：請解除安裝它（rmmod refscope_helper），以便載入匹配的版本</translation>
    </message>
    <message>
        <source>no process has %1 open any more, yet it holds a reference: a kernel thread or the module itself keeps it, as a module's thread can keep a user's netlink socket open after the user closed it; only the module's own code can let it go</source>
        <translation>已沒有行程開啟 %1，但它仍持有一個參考：是核心執行緒或模組本身保留著它，就像模組的執行緒可以在使用者關閉 netlink 通訊端之後仍讓它保持開啟；只有模組自己的程式碼能釋放它</translation>
    </message>
    <message>
        <source>kernel thread %1 holds %2 (%3): only the module's own code can make it let go; a thread that inherited a user's files keeps them open after the user closes them, so the count never returns to 0</source>
        <translation>核心執行緒 %1 持有 %2（%3）：只有模組自己的程式碼能讓它釋放；繼承了使用者檔案的執行緒在使用者關閉後仍會保持它們開啟，因此計數永遠不會回到 0</translation>
    </message>
    <message>
        <source>kernel thread %1 (pid %2) is named after the module and may hold what no process has open, e.g. a user's socket it kept open after the user closed it</source>
        <translation>核心執行緒 %1（pid %2）以該模組命名，可能持有沒有任何行程開啟的東西，例如使用者關閉後它仍保持開啟的使用者通訊端</translation>
    </message>
    <message>
        <source>remove %1: %2</source>
        <translation>刪除 %1：%2</translation>
    </message>
    <message>
        <source>delete %1: %2</source>
        <translation>刪除 %1：%2</translation>
    </message>
    <message>
        <source>turn off swap on %1: %2</source>
        <translation>關閉 %1 上的交換空間：%2</translation>
    </message>
    <message>
        <source>%1 is the only process with AF_ALG sockets (%2): if it uses %3, close them or end it: %4</source>
        <translation>%1 是唯一開啟了 AF_ALG 通訊端的行程（%2）：如果它在使用 %3，請關閉這些通訊端或結束該行程：%4</translation>
    </message>
    <message>
        <source>stop what uses %1: an AF_ALG socket, or a kernel user such as dm-crypt, IPsec or an algorithm built on it</source>
        <translation>停止使用 %1 的對象：AF_ALG 通訊端，或 dm-crypt、IPsec、基於它建置的演算法等核心使用者</translation>
    </message>
    <message>
        <source>rtnetlink: a %1 of kind %2, which the kernel loads as %3; each one holds a reference</source>
        <translation>rtnetlink：類型為 %2 的 %1，核心以 %3 載入其模組；每個實例持有一個參考</translation>
    </message>
    <message>
        <source>nf_tables: each "%1" expression of a rule holds a reference (modules.alias: %2)</source>
        <translation>nf_tables：規則中的每個「%1」運算式持有一個參考（modules.alias：%2）</translation>
    </message>
    <message>
        <source>nf_tables: each xtables %1 "%2" of a rule (iptables-nft) holds a reference (modules.alias: %3)</source>
        <translation>nf_tables：規則中的每個 xtables %1「%2」（iptables-nft）持有一個參考（modules.alias：%3）</translation>
    </message>
    <message>
        <source>nf_tables: a base chain of type %1 holds a reference (modules.alias: %2)</source>
        <translation>nf_tables：類型為 %1 的基礎鏈持有一個參考（modules.alias：%2）</translation>
    </message>
    <message>
        <source>/proc/swaps: swap on %1 (block %2) keeps the device open</source>
        <translation>/proc/swaps：%1（區塊裝置 %2）上的交換空間使該裝置保持開啟</translation>
    </message>
    <message>
        <source>could not check %1: holders of these kinds may be missing here (%2)</source>
        <translation>無法檢查 %1：這些類型的持有者可能未在此列出（%2）</translation>
    </message>
    <message>
        <source>/proc/crypto: %1 has %2 user(s) besides its registration, each holding a reference on its module</source>
        <translation>/proc/crypto：除註冊外，%1 還有 %2 個使用者，每個都持有其模組的一個參考</translation>
    </message>
    <message>
        <source>AF_ALG sockets are open in %1</source>
        <translation>以下行程開啟了 AF_ALG 通訊端：%1</translation>
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
        <translation>交換空間</translation>
    </message>
    <message>
        <source>crypto</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>nf_tables: each "%1" expression of a rule, built into nf_tables, holds a reference on nf_tables</source>
        <translation>nf_tables：規則中每個內建於 nf_tables 的「%1」運算式都持有 nf_tables 的一個參考</translation>
    </message>
    <message>
        <source>%1 holds the BPF links of %2 (%3): close them or end it: %4</source>
        <translation>%1 持有 %2 的 BPF 連結（%3）：關閉它們或結束該行程：%4</translation>
    </message>
    <message>
        <source>end the processes holding the BPF links of %1: %2</source>
        <translation>結束持有 %1 的 BPF 連結的行程：%2</translation>
    </message>
    <message>
        <source>detach %1: remove its links' pins under /sys/fs/bpf</source>
        <translation>分離 %1：刪除其連結在 /sys/fs/bpf 下的固定（pin）</translation>
    </message>
    <message>
        <source>BPF: the programs attached to %1 run through one trampoline, which holds a reference on %2 while any of them is attached</source>
        <translation>BPF：附加到 %1 的程式透過同一個跳板（trampoline）執行，只要其中任何一個仍附加著，它就持有 %2 的一個參考</translation>
    </message>
    <message>
        <source>BPF</source>
        <translation>BPF</translation>
    </message>
    <message>
        <source>%1 is in use: 1 reference, %2 held by what is listed, %3 unattributed.</source>
        <translation>%1 正在使用：1 個參考，%2 個由所列物件持有，%3 個未歸屬。</translation>
    </message>
    <message>
        <source>%1 is in use: %2 references, %3 held by what is listed, %4 unattributed.</source>
        <translation>%1 正在使用：%2 個參考，%3 個由所列物件持有，%4 個未歸屬。</translation>
    </message>
    <message>
        <source>1 reference RefScope could not attribute: record %1's module tracepoints and see the outstanding gets' call sites in the timeline</source>
        <translation>1 個參考 RefScope 無法歸屬：錄製 %1 的 module 追蹤點，並在時間軸中查看未歸還取得的呼叫點</translation>
    </message>
    <message>
        <source>%1 references RefScope could not attribute: record %2's module tracepoints and see the outstanding gets' call sites in the timeline</source>
        <translation>%1 個參考 RefScope 無法歸屬：錄製 %2 的 module 追蹤點，並在時間軸中查看未歸還取得的呼叫點</translation>
    </message>
    <message>
        <source>see the outstanding gets at call site %1 in the timeline</source>
        <translation>在時間軸中查看呼叫點 %1 處未歸還的取得</translation>
    </message>
    <message>
        <source>1 reference RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %1's module tracepoints (%2, or the timeline's Capture) to see who took it</source>
        <translation>1 個參考 RefScope 無法歸屬：RefScope 看不到所有種類的持有者（佇列規則、防火牆規則、BPF 程式、加密通訊端、置換空間、傳遞中的檔案……），所以這並不能證明洩漏：錄製 %1 的 module 追蹤點（%2，或時間軸的「擷取」）以查看是誰取得了它</translation>
    </message>
    <message>
        <source>%1 references RefScope could not attribute: RefScope cannot see every kind of holder (a qdisc, a firewall rule, a BPF program, a crypto socket, swap, a file in flight...), so this is no proof of a leak: record %2's module tracepoints (%3, or the timeline's Capture) to see who took them</source>
        <translation>%1 個參考 RefScope 無法歸屬：RefScope 看不到所有種類的持有者（佇列規則、防火牆規則、BPF 程式、加密通訊端、置換空間、傳遞中的檔案……），所以這並不能證明洩漏：錄製 %2 的 module 追蹤點（%3，或時間軸的「擷取」）以查看是誰取得了它們</translation>
    </message>
    <message>
        <source>these kinds of holder could not be checked: %1: an unattributed reference may belong to one of them</source>
        <translation>以下種類的持有者無法檢查：%1：未歸屬的參考可能屬於其中之一</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: the module took a reference on itself with no holder behind it: leak-prone</source>
        <translation>%2 處有 %1 次取得從未歸還：模組替自己取得了參考，背後沒有持有者：可能洩漏</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: taken for a %3, which keeps them until it is removed: not a leak, never dropped</source>
        <translation>%2 處有 %1 次取得從未歸還：為 %3 取得，在它被移除前一直保留：不是洩漏，絕不丟棄</translation>
    </message>
    <message>
        <source>%1 get(s) never put back at %2: RefScope cannot tell what keeps them: never dropped</source>
        <translation>%2 處有 %1 次取得從未歸還：RefScope 無法判斷是誰保留著它們：絕不丟棄</translation>
    </message>
    <message>
        <source>the driver's own get in open (%2): %1 more reference(s) of the file that open returned, put back when it is closed</source>
        <translation>驅動程式在 open 中自己的取得（%2）：open 傳回的檔案另有 %1 個參考，關閉時歸還</translation>
    </message>
    <message>
        <source>This answer is partial: RefScope's helper kernel module was not asked, so the holders are inferred from /proc and some may be missing. For the exact answer run refscope-cli why as root, or with --root.</source>
        <translation>此回答不完整：沒有詢問 RefScope 的輔助核心模組，持有者是從 /proc 推斷的，可能有遺漏。要得到精確回答，請以 root 身分執行 refscope-cli why，或加上 --root。</translation>
    </message>
    <message>
        <source>/proc/net/netlink: protocol %1 is %2, which %3 registers</source>
        <translation>/proc/net/netlink：協定 %1 是 %2，由 %3 註冊</translation>
    </message>
    <message>
        <source>one open of %1 takes %2 references: its file operations and its socket protocol</source>
        <translation>開啟一次 %1 會占用 %2 個參考：它的檔案操作和它的通訊端協定</translation>
    </message>
    <message>
        <source>BPF: each program attached to %1 holds a reference on %2 from its loading until it is freed, linked or not</source>
        <translation>BPF：附加到 %1 的每個程式從載入起到被釋放為止都持有 %2 的一個參考，無論是否已連結</translation>
    </message>
    <message>
        <source>in flight: sent over a unix socket (SCM_RIGHTS) and not received yet; the receiver, or the socket's last close, lets it go</source>
        <translation>傳輸中：已透過 unix 通訊端（SCM_RIGHTS）傳送但尚未被接收；由接收方接收，或該通訊端最後一次關閉時，才會釋放它</translation>
    </message>
    <message>
        <source>RefScope's helper module is not installed for this kernel (%1 does not exist): install the refscope-helper-dkms package (apt install refscope-helper-dkms), or the helper's sources with DKMS (dkms install refscope_helper/1.0)</source>
        <translation>RefScope 的輔助模組未針對此核心安裝（%1 不存在）：請安裝 refscope-helper-dkms 套件（apt install refscope-helper-dkms），或用 DKMS 安裝輔助模組的原始碼（dkms install refscope_helper/1.0）</translation>
    </message>
    <message>
        <source>RefScope did not load %1: someone other than root could have changed it (%2). It loads its helper module only from files and directories that only root can write: install the refscope-helper-dkms package (apt install refscope-helper-dkms)</source>
        <translation>RefScope 沒有載入 %1：root 以外的人可能改動過它（%2）。RefScope 只從僅 root 可寫入的檔案和目錄載入它的輔助模組：請安裝 refscope-helper-dkms 套件（apt install refscope-helper-dkms）</translation>
    </message>
    <message>
        <source>%1 has %2 open (%3): close them or end it: %4</source>
        <translation>%1 開啟著 %2（%3）：關閉它們或結束該行程：%4</translation>
    </message>
    <message>
        <source>let go of %1: %2</source>
        <translation>釋放 %1：%2</translation>
    </message>
    <message>
        <source>%1: the process that has it open must close it; a socket no process has open any more goes when its connection finishes closing</source>
        <translation>%1：開啟它的行程必須關閉它；已沒有行程開啟的通訊端會在其連線關閉完成後消失</translation>
    </message>
    <message>
        <source>nf_tables: a rule's %1 takes the %2 logger of each address family it logs, here %3 reference(s) (nf_logger_find_get; modules.alias: %4)</source>
        <translation>nf_tables：規則的 %1 為其記錄的每個位址族取得 %2 日誌記錄器，這裡是 %3 個參考（nf_logger_find_get；modules.alias：%4）</translation>
    </message>
    <message>
        <source>nf_tables: a ct helper object of type %1 holds its conntrack helper once per layer-3 protocol (%2) (nf_conntrack_helper_try_module_get; modules.alias: %3)</source>
        <translation>nf_tables：類型為 %1 的 ct helper 物件對每個三層協定（%2）各持有一次其連線追蹤輔助程式（nf_conntrack_helper_try_module_get；modules.alias：%3）</translation>
    </message>
    <message>
        <source>nf_tables: an iptables-nft rule's target CT --helper %1 holds its conntrack helper (nf_conntrack_helper_try_module_get; modules.alias: %2)</source>
        <translation>nf_tables：iptables-nft 規則的目標 CT --helper %1 持有其連線追蹤輔助程式（nf_conntrack_helper_try_module_get；modules.alias：%2）</translation>
    </message>
    <message>
        <source>sock_diag: %2 TCP socket(s) use the congestion control %1, each holding a reference on its module until it is closed</source>
        <translation>sock_diag：%2 個 TCP 通訊端使用壅塞控制 %1，每個在關閉前都持有其模組的一個參考</translation>
    </message>
    <message>
        <source>net.ipv4.tcp_congestion_control: the network namespace's default congestion control %1 holds a reference on its module</source>
        <translation>net.ipv4.tcp_congestion_control：網路命名空間的預設壅塞控制 %1 持有其模組的一個參考</translation>
    </message>
    <message>
        <source>TCP congestion control</source>
        <translation>TCP 壅塞控制</translation>
    </message>
    <message>
        <source>switch %1 to another I/O scheduler: %2</source>
        <translation>將 %1 切換到其他 I/O 排程器：%2</translation>
    </message>
    <message>
        <source>unmount %1: %2</source>
        <translation>取消掛載 %1：%2</translation>
    </message>
    <message>
        <source>detach %1: %2</source>
        <translation>分離 %1：%2</translation>
    </message>
    <message>
        <source>remove the mapped device of %1: %2</source>
        <translation>移除 %1 的映射裝置：%2</translation>
    </message>
    <message>
        <source>%1's request queue uses the I/O scheduler %2, which holds a reference (modules.alias: %3)</source>
        <translation>%1 的請求佇列使用 I/O 排程器 %2，它持有一個參考（modules.alias：%3）</translation>
    </message>
    <message>
        <source>/proc/self/mountinfo: this %1 filesystem loaded its %2 table, which holds a reference until it is unmounted (modules.alias: %3)</source>
        <translation>/proc/self/mountinfo：這個 %1 檔案系統載入了它的 %2 字元表，該表持有一個參考，直到檔案系統被取消掛載（modules.alias：%3）</translation>
    </message>
    <message>
        <source>%1 is backed by the block device %2 (block %3) and keeps it open</source>
        <translation>%1 以區塊裝置 %2（區塊裝置 %3）為後端，並一直開啟著它</translation>
    </message>
    <message>
        <source>device-mapper: each %2 target in the table of %1 holds a reference on its type (modules.alias: %3)</source>
        <translation>device-mapper：%1 的映射表中每個 %2 目標都持有其目標類型的一個參考（modules.alias：%3）</translation>
    </message>
    <message>
        <source>device-mapper: the table of %1 keeps its device %2 open, once however many targets use it</source>
        <translation>device-mapper：%1 的映射表一直開啟著其裝置 %2，無論有多少個目標使用它，都只開啟一次</translation>
    </message>
    <message>
        <source>device-mapper: every mapped device, %1 here, holds a reference on dm_mod until it is removed</source>
        <translation>device-mapper：每個映射裝置（此處為 %1）都持有 dm_mod 的一個參考，直到它被移除</translation>
    </message>
    <message>
        <source>I/O scheduler</source>
        <translation>I/O 排程器</translation>
    </message>
    <message>
        <source>NLS table</source>
        <translation>NLS 字元表</translation>
    </message>
    <message>
        <source>loop backing device</source>
        <translation>loop 後端裝置</translation>
    </message>
    <message>
        <source>device-mapper</source>
        <translation>device-mapper</translation>
    </message>
    <message>
        <source>stop the array of %1: %2</source>
        <translation>停止 %1 所在的陣列：%2</translation>
    </message>
    <message>
        <source>end %1, or let it close its io_uring (%3), which keeps %2 open: %4</source>
        <translation>結束 %1，或讓它關閉其 io_uring（%3），該 io_uring 使 %2 保持開啟：%4</translation>
    </message>
    <message>
        <source>md: the running array %1 holds its %2 personality (modules.alias: %3) until it is stopped</source>
        <translation>md：執行中的陣列 %1 持有其 %2 personality（modules.alias：%3），直到陣列停止</translation>
    </message>
    <message>
        <source>md: the array %1 keeps its members %2 open, one reference each</source>
        <translation>md：陣列 %1 使其成員 %2 保持開啟，每個成員一個參考</translation>
    </message>
    <message>
        <source>the io_uring of fd %1 keeps the registered file %2 open (its fdinfo names only the file's name; %3 is the one device node of that name in /dev)</source>
        <translation>fd %1 的 io_uring 使已註冊的檔案 %2 保持開啟（其 fdinfo 只列出檔名；%3 是 /dev 中唯一同名的裝置節點）</translation>
    </message>
    <message>
        <source>md array</source>
        <translation>md 陣列</translation>
    </message>
    <message>
        <source>io_uring registered file</source>
        <translation>io_uring 已註冊檔案</translation>
    </message>
    <message>
        <source>nf_tables: each stateful %1 object holds a reference on the module of its type until it is deleted (modules.alias: %2)</source>
        <translation>nf_tables：每個有狀態的 %1 物件都持有其類型所在模組的一個參考，直到該物件被刪除（modules.alias：%2）</translation>
    </message>
    <message>
        <source>nf_tables: each stateful %1 object, a type built into nf_tables, holds a reference on nf_tables until it is deleted</source>
        <translation>nf_tables：每個有狀態的 %1 物件（其類型內建於 nf_tables）都持有 nf_tables 的一個參考，直到該物件被刪除</translation>
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
        <translation>以 root 身份讀取…</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
    </message>
    <message>
        <source>Process</source>
        <translation>行程</translation>
    </message>
    <message>
        <source>FDs</source>
        <translation>FD</translation>
    </message>
    <message>
        <source>Path</source>
        <translation>路徑</translation>
    </message>
    <message>
        <source>Refs</source>
        <translation>參考數</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>來源</translation>
    </message>
    <message>
        <source>Show in timeline</source>
        <translation>在時間軸中顯示</translation>
    </message>
    <message>
        <source>The selected holder's events in the refcount timeline</source>
        <translation>在參考計數時間軸中檢視所選持有者的事件</translation>
    </message>
    <message>
        <source>Scan again</source>
        <translation>重新掃描</translation>
    </message>
    <message>
        <source>Select a module to see what holds it.</source>
        <translation>選擇一個模組以檢視誰持有它。</translation>
    </message>
    <message>
        <source>Asking the agent what holds %1…</source>
        <translation>正在詢問代理誰持有 %1…</translation>
    </message>
    <message>
        <source>Exact holders from RefScope's helper module.</source>
        <translation>來自 RefScope 輔助模組的精確持有者。</translation>
    </message>
    <message>
        <source>Inferred holders: %1</source>
        <translation>推斷出的持有者：%1</translation>
    </message>
    <message>
        <source>The agent could not say what holds %1: %2</source>
        <translation>代理無法確定誰持有 %1：%2</translation>
    </message>
    <message>
        <source>No agent is available: without root, other users' processes cannot be read. Read as root to see every holder.</source>
        <translation>沒有可用的代理：沒有 root 權限就無法讀取其他使用者的行程。請以 root 身份讀取以檢視所有持有者。</translation>
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
由 %n 個 fork 出的行程共享</numerusform>
        </translation>
    </message>
    <message>
        <source>Next steps:&lt;ol&gt;%1&lt;/ol&gt;</source>
        <translation>下一步：&lt;ol&gt;%1&lt;/ol&gt;</translation>
    </message>
    <message>
        <source>A saved snapshot does not record holders. Open the lab, or read this machine as root, to see what holds %1.</source>
        <translation>儲存的快照不會記錄持有者。請開啟實驗環境，或以 root 身分讀取本機，以查看是什麼持有 %1。</translation>
    </message>
    <message>
        <source>The session file holds no holder report for %1.</source>
        <translation>該工作階段檔案中沒有 %1 的持有者報告。</translation>
    </message>
    <message>
        <source>Saved in the session file: what held %1 at %2.</source>
        <translation>儲存在工作階段檔案中：%2 時持有 %1 的物件。</translation>
    </message>
    <message>
        <source>Saved in the session file: what held %1 then.</source>
        <translation>儲存在工作階段檔案中：當時持有 %1 的物件。</translation>
    </message>
    <message>
        <source>Undo: %1</source>
        <translation>復原：%1</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1</source>
        <translation>未歸屬的參考（RefScope 看不到它們的持有者）：%1</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1 (not checked: %2)</source>
        <translation>未歸屬的參考（RefScope 看不到它們的持有者）：%1（未檢查：%2）</translation>
    </message>
    <message>
        <source>The count of %1 changed: asking the agent again…</source>
        <translation>%1 的參考計數已變化：正在重新詢問代理程式…</translation>
    </message>
    <message>
        <source>%1 is not loaded now: nothing holds it.</source>
        <translation>%1 現在未載入：沒有任何東西持有它。</translation>
    </message>
    <message>
        <source>Shown as it was when you last looked: asking the agent again…</source>
        <translation>這是您上次查看時的結果：正在重新詢問代理…</translation>
    </message>
    <message>
        <source>Asking the agent again with what the recording says of %1…</source>
        <translation>正在帶上記錄中關於 %1 的資訊再次詢問代理…</translation>
    </message>
</context>
<context>
    <name>refscope::LabMachine</name>
    <message>
        <source>cannot run /bin/sh for the lab: %1</source>
        <translation>無法為實驗環境執行 /bin/sh：%1</translation>
    </message>
    <message>
        <source>The lab is not installed with RefScope (looked in %1 and %2); reinstall RefScope.</source>
        <translation>實驗環境未隨 RefScope 安裝（已查找 %1 和 %2）；請重新安裝 RefScope。</translation>
    </message>
    <message>
        <source>QEMU is not installed; install it (apt install qemu-system-x86).</source>
        <translation>未安裝 QEMU；請安裝它（apt install qemu-system-x86）。</translation>
    </message>
    <message>
        <source>No kernel the lab can boot is installed; install one (apt install linux-image-amd64).</source>
        <translation>未安裝實驗環境可啟動的核心；請安裝一個（apt install linux-image-amd64）。</translation>
    </message>
    <message>
        <source>Kernel %1 is not installed here (there is no /boot/vmlinuz-%1).</source>
        <translation>本機未安裝核心 %1（沒有 /boot/vmlinuz-%1）。</translation>
    </message>
    <message>
        <source>Kernel %1 has no modules in /lib/modules/%1, so the lab cannot boot it; reinstall it (apt install --reinstall linux-image-%1).</source>
        <translation>核心 %1 在 /lib/modules/%1 中沒有模組，實驗環境無法啟動它；請重新安裝（apt install --reinstall linux-image-%1）。</translation>
    </message>
    <message>
        <source>refscope-agent was not found; build it, or reinstall RefScope.</source>
        <translation>找不到 refscope-agent；請建置它，或重新安裝 RefScope。</translation>
    </message>
    <message>
        <source>The agent %1 does not exist or is not executable.</source>
        <translation>代理程式 %1 不存在或無法執行。</translation>
    </message>
    <message>
        <source>The agent %1 is under %2, which the lab guest does not see; use a build outside %2.</source>
        <translation>代理程式 %1 位於 %2 下，實驗虛擬機器看不到該目錄；請使用 %2 之外的建置。</translation>
    </message>
    <message>
        <source>The lab guest booted kernel %1, but its agent did not answer within %2 s.</source>
        <translation>實驗虛擬機器已啟動核心 %1，但其代理程式在 %2 秒內沒有回應。</translation>
    </message>
    <message>
        <source>The agent's error output</source>
        <translation>代理程式的錯誤輸出</translation>
    </message>
    <message>
        <source>The lab guest did not boot kernel %1 within %2 s; this machine may be busy: try again.</source>
        <translation>實驗虛擬機器未能在 %2 秒內啟動核心 %1；本機可能正忙，請重試。</translation>
    </message>
    <message>
        <source>End of the guest's console</source>
        <translation>虛擬機器主控台的末尾</translation>
    </message>
    <message>
        <source>What the lab reported</source>
        <translation>實驗環境的報告</translation>
    </message>
    <message>
        <source>The agent in the lab guest exited before answering.</source>
        <translation>實驗虛擬機器中的代理程式在回應前就結束了。</translation>
    </message>
    <message>
        <source>Its error output</source>
        <translation>其錯誤輸出</translation>
    </message>
    <message>
        <source>The lab guest stopped unexpectedly (kernel %1); open the lab again to boot a fresh one.</source>
        <translation>實驗虛擬機器意外停止（核心 %1）；請再次開啟實驗環境以啟動一個新的虛擬機器。</translation>
    </message>
    <message>
        <source>The lab could not prepare kernel %1 to boot: packing its modules into the guest's boot image failed.</source>
        <translation>實驗環境無法準備啟動核心 %1：將其模組打包進虛擬機器開機映像失敗。</translation>
    </message>
    <message>
        <source>The lab could not boot kernel %1: %2.</source>
        <translation>實驗環境無法啟動核心 %1：%2。</translation>
    </message>
    <message>
        <source>The lab guest (kernel %1) stopped before it was ready.</source>
        <translation>實驗虛擬機器（核心 %1）在就緒前停止了。</translation>
    </message>
</context>
<context>
    <name>refscope::LabPanel</name>
    <message>
        <source>Lab</source>
        <translation>實驗環境</translation>
    </message>
    <message>
        <source>Not built: build the kmod-examples target.</source>
        <translation>尚未建置：請建置 kmod-examples 目標。</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>載入</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在載入 %1…</translation>
    </message>
    <message>
        <source>Unload</source>
        <translation>卸載</translation>
    </message>
    <message>
        <source>Unloading %1…</source>
        <translation>正在卸載 %1…</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>執行</translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>正在執行 %1…</translation>
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
        <translation>結束該場景啟動的行程</translation>
    </message>
    <message>
        <source>Example modules</source>
        <translation>範例模組</translation>
    </message>
    <message>
        <source>Scenarios</source>
        <translation>場景</translation>
    </message>
    <message>
        <source>What to watch</source>
        <translation>觀察要點</translation>
    </message>
    <message>
        <source>The lab guest is not running.</source>
        <translation>實驗環境虛擬機器未在執行。</translation>
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
        <translation>逐步指引</translation>
    </message>
    <message>
        <source>The lab guest is ready (kernel %1).</source>
        <translation>實驗環境虛擬機器已就緒（核心 %1）。</translation>
    </message>
    <message>
        <source>Waiting for the lab guest (kernel %1)…</source>
        <translation>正在等待實驗環境虛擬機器（核心 %1）…</translation>
    </message>
    <message>
        <source>%1 (no example modules)</source>
        <translation>%1（無範例模組）</translation>
    </message>
    <message>
        <source>The example modules were not built for this kernel: install its headers (linux-headers-%1) and rebuild.</source>
        <translation>範例模組未針對此核心建置：請安裝其標頭檔（linux-headers-%1）並重新建置。</translation>
    </message>
    <message>
        <source>Boot</source>
        <translation>啟動</translation>
    </message>
    <message>
        <source>Power the lab guest off and boot the chosen kernel in a fresh one</source>
        <translation>關閉實驗虛擬機器，並在新的虛擬機器中啟動所選核心</translation>
    </message>
    <message>
        <source>Kernel</source>
        <translation>核心</translation>
    </message>
    <message>
        <source>%1 is loaded, with no references: it can be unloaded.</source>
        <translation>%1 已載入，沒有參考：可以卸載。</translation>
    </message>
    <message>
        <source>PID %1 (%2)</source>
        <translation>PID %1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1 is loaded with %n reference(s)</source>
        <translation>
            <numerusform>%1 已載入，有 %n 個參考</numerusform>
        </translation>
    </message>
    <message>
        <source>, held by %1</source>
        <translation>，持有者：%1</translation>
    </message>
    <message numerus="yes">
        <source>; %n not attributed to any holder</source>
        <translation>
            <numerusform>；%n 個未歸屬到任何持有者</numerusform>
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
        <translation>讀取一個 /proc 檔案（testmod）</translation>
    </message>
    <message>
        <source>Reading /proc/testmod-sample does not pin testmod: its proc_ops have no owner, so the reference count stays 0 and Used by stays empty. Unloading works at once.</source>
        <translation>讀取 /proc/testmod-sample 不會釘住 testmod：它的 proc_ops 沒有 owner，所以參考計數保持為 0，「被依賴」一欄也為空。卸載可以立即成功。</translation>
    </message>
    <message>
        <source>Hold a character device open (count_demo)</source>
        <translation>保持字元裝置處於開啟狀態（count_demo）</translation>
    </message>
    <message>
        <source>Leave a netlink socket in a kernel thread (stuck_netlink)</source>
        <translation>在核心執行緒中遺留一個 netlink 通訊端（stuck_netlink）</translation>
    </message>
    <message>
        <source>Leak a reference on an error path (leaky_ref)</source>
        <translation>在錯誤路徑上洩漏一個參考（leaky_ref）</translation>
    </message>
    <message>
        <source>Writing "oops" to /proc/leaky_ref takes a reference and returns an error without module_put(): each run adds 1 to the reference count, which never comes down. Used by stays empty and nothing holds the module any more, yet unloading is refused: this is a leak.</source>
        <translation>向 /proc/leaky_ref 寫入 "oops" 會取得一個參考，然後不呼叫 module_put() 就傳回錯誤：每執行一次，參考計數加 1，且永遠不會降下來。「被依賴」為空，也沒有任何東西再持有該模組，但卸載仍被拒絕：這就是洩漏。</translation>
    </message>
    <message>
        <source>Load a module without an exit function (no_exit)</source>
        <translation>載入一個沒有 exit 函式的模組（no_exit）</translation>
    </message>
    <message>
        <source>no_exit has no exit function, so the kernel marks it permanent. Its reference count is 0 and Used by is empty, yet unloading is always refused.</source>
        <translation>no_exit 沒有 exit 函式，所以核心把它標記為永久（permanent）。它的參考計數為 0，「被依賴」為空，但卸載總是被拒絕。</translation>
    </message>
    <message>
        <source>Catch a module in its init (slow_init)</source>
        <translation>在模組初始化期間觀察它（slow_init）</translation>
    </message>
    <message>
        <source>slow_init's init sleeps for %1 s. Meanwhile the module is coming (loading) with a reference count of 1, and unloading is refused. Stop interrupts insmod: init gives up and the module disappears; left alone, it becomes live with a count of 0.</source>
        <translation>slow_init 的 init 會休眠 %1 秒。在此期間模組處於 coming（載入中）狀態，參考計數為 1，卸載會被拒絕。按一下「停止」會中斷 insmod：init 放棄，模組隨之消失；若不干預，它會變為 live，計數為 0。</translation>
    </message>
    <message>
        <source>Use another module's symbol (export_provider)</source>
        <translation>使用另一個模組的符號（export_provider）</translation>
    </message>
    <message>
        <source>export_consumer calls a function that export_provider exports, so the kernel records it as a holder: export_provider's reference count is 1 and Used by lists export_consumer. Unloading export_provider is refused until export_consumer is unloaded first.</source>
        <translation>export_consumer 呼叫了 export_provider 匯出的函式，因此核心把它記為持有者：export_provider 的參考計數為 1，「被依賴」一欄列出 export_consumer。必須先卸載 export_consumer，否則卸載 export_provider 會被拒絕。</translation>
    </message>
    <message>
        <source>Hold loop, tun and fuse through their device files</source>
        <translation>透過裝置檔案持有 loop、tun 和 fuse</translation>
    </message>
    <message>
        <source>Stock modules are pinned like count_demo: while /dev/loop-control, /dev/net/tun and /dev/fuse are open, loop, tun and fuse each have a reference count above 0 (tun takes 2 per open file) with an empty Used by, and unloading them is refused. Stop closes the files and the counts go back to 0.</source>
        <translation>核心自帶的模組也會像 count_demo 一樣被釘住：當 /dev/loop-control、/dev/net/tun 和 /dev/fuse 處於開啟狀態時，loop、tun 和 fuse 的參考計數都大於 0（tun 每個開啟的檔案佔 2 個），「被依賴」為空，卸載會被拒絕。按一下「停止」會關閉這些檔案，計數回到 0。</translation>
    </message>
    <message>
        <source>there is no lab scenario "%1"</source>
        <translation>沒有名為 "%1" 的實驗場景</translation>
    </message>
    <message>
        <source>the lab's example modules and programs are not built (build the kmod-examples and stuck-netlink-send targets)</source>
        <translation>實驗環境的範例模組和範例程式尚未建置（請建置 kmod-examples 和 stuck-netlink-send 目標）</translation>
    </message>
    <message>
        <source>%1 failed (exit status %2): %3</source>
        <translation>%1 失敗（結束狀態 %2）：%3</translation>
    </message>
    <message>
        <source>the example module %1 is not built (build the kmod-examples target)</source>
        <translation>範例模組 %1 尚未建置（請建置 kmod-examples 目標）</translation>
    </message>
    <message>
        <source>the lab guest is not running</source>
        <translation>實驗環境虛擬機器未在執行</translation>
    </message>
    <message>
        <source>While a process keeps /dev/count_demo open, count_demo's reference count is 2: one from the open file's .owner and one from the extra try_module_get() its open() takes on top of it. Used by stays empty, because the user is an open file, not a module, and unloading is refused as busy. Stop closes the file: the count goes back to 0 and the module unloads.</source>
        <translation>當有行程保持 /dev/count_demo 開啟時，count_demo 的參考計數為 2：一個來自開啟檔案的 .owner，另一個來自其 open() 在此之外額外呼叫的 try_module_get()。「被依賴」一欄為空，因為使用者是一個開啟的檔案而不是模組；卸載會因「忙」而被拒絕。按一下「停止」會關閉檔案：計數回到 0，模組即可卸載。</translation>
    </message>
    <message>
        <source>stuck-netlink-send sends one message and exits, but the module's kernel thread keeps the closed socket alive: the reference count stays at 1 with an empty Used by and no process left to blame, because the socket's reference is given back only when the thread closes it, and it never does. Unloading is refused for as long as the guest runs.</source>
        <translation>stuck-netlink-send 傳送一條訊息後就結束了，但模組的核心執行緒讓已關閉的通訊端繼續存活：參考計數停在 1，「被依賴」為空，也找不到可以歸咎的行程，因為通訊端的參考只有在該執行緒關閉它時才會歸還，而它永遠不會關閉。只要虛擬機器還在執行，卸載就會被拒絕。</translation>
    </message>
    <message>
        <source>the example module %1 did not build for kernel %2, so the lab cannot load it on that kernel: %3</source>
        <translation>範例模組 %1 未能針對核心 %2 建置，因此實驗環境無法在該核心上載入它：%3</translation>
    </message>
</context>
<context>
    <name>refscope::LabSnapshotSource</name>
    <message>
        <source>The lab guest is up (booted in %1 s).</source>
        <translation>實驗環境虛擬機器已啟動（用時 %1 秒）。</translation>
    </message>
    <message>
        <source>lab guest</source>
        <translation>實驗環境虛擬機器</translation>
    </message>
    <message>
        <source>The lab guest has stopped; open the lab again to boot a new one.</source>
        <translation>實驗環境虛擬機器已停止；請重新開啟實驗環境以啟動一臺新的。</translation>
    </message>
    <message>
        <source>The lab guest is shutting down.</source>
        <translation>實驗環境虛擬機器正在關閉。</translation>
    </message>
    <message>
        <source>Booting the lab guest (Debian's kernel under QEMU); this takes about ten seconds…</source>
        <translation>正在啟動實驗虛擬機器（QEMU 中的 Debian 核心）；大約需要十秒…</translation>
    </message>
</context>
<context>
    <name>refscope::LastResortBox</name>
    <message>
        <source>Last resort, for references nothing clears</source>
        <translation>最後手段：處理清除不掉的參考</translation>
    </message>
    <message>
        <source>Type the module's name, &lt;b&gt;%1&lt;/b&gt;, to unlock these choices:</source>
        <translation>輸入模組名稱 &lt;b&gt;%1&lt;/b&gt; 以解鎖下列選項：</translation>
    </message>
    <message>
        <source>Not offered: %1</source>
        <translation>不提供：%1</translation>
    </message>
    <message>
        <source>Type the name here</source>
        <translation>在此輸入名稱</translation>
    </message>
</context>
<context>
    <name>refscope::LiveCapture</name>
    <message>
        <source>the agent left during the capture: %1</source>
        <translation>擷取過程中代理結束了：%1</translation>
    </message>
    <message>
        <source>a capture is already running</source>
        <translation>已經有一個擷取正在執行</translation>
    </message>
    <message>
        <source>the snapshot for the baseline failed: %1</source>
        <translation>取得基線快照失敗：%1</translation>
    </message>
    <message>
        <source>the agent's snapshot does not parse: %1</source>
        <translation>無法解析代理發來的快照：%1</translation>
    </message>
    <message>
        <source>tracing did not start: %1</source>
        <translation>追蹤未能啟動：%1</translation>
    </message>
    <message>
        <source>tracing did not stop cleanly: %1</source>
        <translation>追蹤未能正常停止：%1</translation>
    </message>
    <message>
        <source>the agent sent an event the store refuses: %1</source>
        <translation>代理發來的事件無法存入事件庫：%1</translation>
    </message>
    <message>
        <source>the agent is gone</source>
        <translation>代理已結束</translation>
    </message>
</context>
<context>
    <name>refscope::LocalSnapshotSource</name>
    <message>
        <source>this machine</source>
        <translation>本機</translation>
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
        <translation>還沒有快照</translation>
    </message>
    <message>
        <source>Reading the loaded modules…</source>
        <translation>正在讀取已載入的模組…</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具列</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>重新整理</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>即時</translation>
    </message>
    <message>
        <source>Refresh every second</source>
        <translation>每秒重新整理一次</translation>
    </message>
    <message>
        <source>Open snapshot…</source>
        <translation>開啟快照…</translation>
    </message>
    <message>
        <source>Save snapshot…</source>
        <translation>儲存快照…</translation>
    </message>
    <message>
        <source>Open the lab</source>
        <translation>開啟實驗環境</translation>
    </message>
    <message>
        <source>Read as root…</source>
        <translation>以 root 身份讀取…</translation>
    </message>
    <message>
        <source>Filter: module, user or dependency</source>
        <translation>篩選：模組、使用者或相依</translation>
    </message>
    <message>
        <source>All states</source>
        <translation>所有狀態</translation>
    </message>
    <message>
        <source>Modules</source>
        <translation>模組</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>相依圖</translation>
    </message>
    <message>
        <source>Built-in</source>
        <translation>內建</translation>
    </message>
    <message>
        <source>This kernel has no loadable module support</source>
        <translation>此核心不支援可載入模組</translation>
    </message>
    <message>
        <source>This kernel (%1) was built without CONFIG_MODULES: every driver is built in, nothing can be loaded or unloaded, and so no module can be stuck. RefScope can boot Debian's kernel in a virtual machine instead and show its modules there.</source>
        <translation>此核心（%1）建置時未啟用 CONFIG_MODULES：所有驅動程式都是內建的，沒有任何東西可以載入或卸載，因此也不會有模組卡住。RefScope 可以改為在虛擬機器中啟動 Debian 核心，並顯示其中的模組。</translation>
    </message>
    <message>
        <source>The lab could not start</source>
        <translation>實驗環境無法啟動</translation>
    </message>
    <message>
        <source>No snapshot</source>
        <translation>沒有快照</translation>
    </message>
    <message>
        <source>Opening the lab</source>
        <translation>正在開啟實驗環境</translation>
    </message>
    <message>
        <source>no source</source>
        <translation>無資料來源</translation>
    </message>
    <message>
        <source>Kernel %1</source>
        <translation>核心 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n module(s)</source>
        <translation>
            <numerusform>%n 個模組</numerusform>
        </translation>
    </message>
    <message>
        <source>Read at %1</source>
        <translation>讀取於 %1</translation>
    </message>
    <message>
        <source>Open a snapshot</source>
        <translation>開啟快照</translation>
    </message>
    <message>
        <source>RefScope snapshots (*.json)</source>
        <translation>RefScope 快照 (*.json)</translation>
    </message>
    <message>
        <source>Save the snapshot</source>
        <translation>儲存快照</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>時間軸</translation>
    </message>
    <message>
        <source>&amp;Module</source>
        <translation>模組(&amp;M)</translation>
    </message>
    <message>
        <source>Start refscope-agent through pkexec to read what only root may: every holder and every module parameter</source>
        <translation>透過 pkexec 啟動 refscope-agent，以讀取只有 root 才能讀取的內容：所有持有者與所有模組參數</translation>
    </message>
    <message>
        <source>quitting</source>
        <translation>結束程式</translation>
    </message>
    <message>
        <source>Show in graph</source>
        <translation>在相依圖中顯示</translation>
    </message>
    <message>
        <source>Show in timeline</source>
        <translation>在時間軸中顯示</translation>
    </message>
    <message>
        <source>Show holders</source>
        <translation>顯示持有者</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>複製名稱</translation>
    </message>
    <message>
        <source>Choose another kernel in the Lab panel and press Boot, or fix the cause above and press Boot again.</source>
        <translation>請在實驗面板中選擇另一個核心並按「啟動」，或修正上述原因後再按一次「啟動」。</translation>
    </message>
    <message>
        <source>in the recording only</source>
        <translation>僅在錄製中</translation>
    </message>
    <message>
        <source>unloaded</source>
        <translation>已卸載</translation>
    </message>
    <message>
        <source>Module information</source>
        <translation>模組資訊</translation>
    </message>
    <message>
        <source>What modinfo says of it: file, version, srcversion, signer, parameters</source>
        <translation>modinfo 提供的資訊：檔案、版本、srcversion、簽署者、參數</translation>
    </message>
    <message>
        <source>boot the lab with %1</source>
        <translation>以 %1 啟動實驗環境</translation>
    </message>
    <message>
        <source>Shut the lab down?</source>
        <translation>關閉實驗環境？</translation>
    </message>
    <message>
        <source>To %1, RefScope shuts the lab guest down.</source>
        <translation>為了%1，RefScope 會關閉實驗環境虛擬機器。</translation>
    </message>
    <message>
        <source>Everything done in the guest is lost: the modules loaded in it, its processes and files, a scenario's state. The next boot starts afresh. The timeline's recording stays.</source>
        <translation>在虛擬機器中所做的一切都會遺失：其中載入的模組、行程與檔案、情境的狀態。下次啟動將從頭開始。時間軸的錄製會保留。</translation>
    </message>
    <message>
        <source>Shut the lab down</source>
        <translation>關閉實驗環境</translation>
    </message>
    <message>
        <source>Read without root</source>
        <translation>不用 root 讀取本機</translation>
    </message>
    <message>
        <source>Compare…</source>
        <translation>比較…</translation>
    </message>
    <message>
        <source>Compare recordings…</source>
        <translation>比較錄製…</translation>
    </message>
    <message>
        <source>Two recordings side by side: per call site, the references never put back in each</source>
        <translation>並排比較兩份錄製：依呼叫位置列出每份錄製中未歸還的參考</translation>
    </message>
    <message>
        <source>Compare this recording with a file…</source>
        <translation>將此錄製與檔案比較…</translation>
    </message>
    <message>
        <source>The capture running in the guest stops; what it recorded stays on the timeline, not saved yet.</source>
        <translation>正在虛擬機器中執行的擷取會停止；已擷取的內容保留在時間軸上，尚未儲存。</translation>
    </message>
    <message>
        <source>The machine or file shown: each keeps its modules, holders and timeline while another is shown</source>
        <translation>目前顯示的機器或檔案：顯示其他目標時，每個目標都保留自己的模組、持有者和時間軸</translation>
    </message>
    <message>
        <source>Close target</source>
        <translation>關閉目標</translation>
    </message>
    <message>
        <source>End the shown target: its agent stops, a lab guest shuts down</source>
        <translation>結束目前顯示的目標：其代理停止，實驗環境虛擬機器關機</translation>
    </message>
    <message>
        <source>&amp;Targets</source>
        <translation>目標(&amp;T)</translation>
    </message>
    <message>
        <source>Stopping the capture of %1 before showing %2…</source>
        <translation>正在停止 %1 的擷取，然後顯示 %2…</translation>
    </message>
    <message>
        <source>The capture of %1 stopped when you switched to %2: what it recorded stays with %1.</source>
        <translation>切換到 %2 時，%1 的擷取已停止：已記錄的內容保留在 %1 中。</translation>
    </message>
    <message>
        <source>closing %1</source>
        <translation>關閉 %1</translation>
    </message>
    <message>
        <source>No target</source>
        <translation>沒有目標</translation>
    </message>
    <message>
        <source>Every target is closed. Open a snapshot file or the lab, or read this machine.</source>
        <translation>所有目標都已關閉。請開啟快照檔案或實驗環境，或讀取本機。</translation>
    </message>
    <message>
        <source>Read this machine</source>
        <translation>讀取本機</translation>
    </message>
    <message>
        <source>Open the flight recorder's last seconds…</source>
        <translation>開啟飛行記錄器的最後幾秒…</translation>
    </message>
    <message>
        <source>The module events the kernel kept from the seconds before an unload last failed ("module is in use"), opened on the timeline</source>
        <translation>核心保留的上一次卸載失敗（「模組正在使用」）前幾秒的模組事件，在時間軸上開啟</translation>
    </message>
    <message>
        <source>RefScope cannot read the flight recorder: refscope-agent, which reads it as root, is not installed.</source>
        <translation>RefScope 無法讀取飛行記錄器：以 root 身分讀取它的 refscope-agent 未安裝。</translation>
    </message>
    <message>
        <source>this machine</source>
        <translation>本機</translation>
    </message>
    <message>
        <source>Reading the flight recorder of %1…</source>
        <translation>正在讀取%1的飛行記錄器…</translation>
    </message>
    <message>
        <source>A capture is running through the same agent: stop it, then open the flight recorder's last seconds again.</source>
        <translation>同一個代理程式正在進行擷取：請先停止擷取，再重新開啟飛行記錄器的最後幾秒。</translation>
    </message>
    <message>
        <source>The flight recorder of %1 stopped before its history could be read.</source>
        <translation>%1的飛行記錄器在其歷史被讀取之前已停止。</translation>
    </message>
    <message>
        <source>The flight recorder of %1 could not be read: %2</source>
        <translation>無法讀取%1的飛行記錄器：%2</translation>
    </message>
    <message>
        <source>The flight recorder of %1 is running, but nothing is frozen yet: no unload has failed since it started, or its last history was opened already. It keeps recording, and freezes the last seconds before the next failed rmmod.</source>
        <translation>%1的飛行記錄器正在執行，但尚未凍結任何內容：自它啟動以來沒有卸載失敗過，或上一段歷史已經開啟過。它會繼續記錄，並在下一次 rmmod 失敗時凍結之前的最後幾秒。</translation>
    </message>
    <message>
        <source>The flight recorder is not running on %1, so nothing was kept. Start it as root:

sudo refscope-cli flight start

(or sudo systemctl start refscope-flight). It then keeps the last module events, and the kernel freezes them when an unload fails.</source>
        <translation>%1上的飛行記錄器沒有執行，因此什麼也沒有保留。請以 root 身分啟動它：

sudo refscope-cli flight start

（或 sudo systemctl start refscope-flight）。之後它會保留最近的模組事件，並在卸載失敗時由核心凍結。</translation>
    </message>
    <message>
        <source>opening the flight recorder's history</source>
        <translation>開啟飛行記錄器的歷史</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 以及另外 %n 個</numerusform>
        </translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>未知時間</translation>
    </message>
    <message>
        <source>flight recorder of %1, frozen at %2 after an unload failed (events of %3)</source>
        <translation>%1的飛行記錄器，卸載失敗後凍結於 %2（%3 的事件）</translation>
    </message>
    <message numerus="yes">
        <source>%n module event(s) from the flight recorder. The kernel no longer keeps them: save a session file to keep them.</source>
        <translation>
            <numerusform>來自飛行記錄器的 %n 個模組事件。核心已不再保留它們：請儲存工作階段檔案以保留。</numerusform>
        </translation>
    </message>
    <message>
        <source>Flight recorder</source>
        <translation>飛行記錄器</translation>
    </message>
    <message>
        <source>The lab guest is not up yet: open the flight recorder's last seconds again once it is.</source>
        <translation>實驗環境虛擬機器尚未就緒：待它啟動後，再開啟飛行記錄器的最後幾秒。</translation>
    </message>
    <message>
        <source>You are not allowed to read the flight recorder of this machine: polkit refused the permission (org.refscope.flight). Nothing was read. An administrator can grant it, or read it as root with sudo refscope-cli flight save -o FILE.</source>
        <translation>你無權讀取本機的飛行記錄器：polkit 拒絕了此權限（org.refscope.flight）。沒有讀取任何內容。管理員可以授予此權限，或以 root 身分用 sudo refscope-cli flight save -o FILE 讀取。</translation>
    </message>
    <message>
        <source>The administrator's password was not given: the flight recorder was not read.</source>
        <translation>未提供管理員密碼：沒有讀取飛行記錄器。</translation>
    </message>
    <message>
        <source>The flight recorder of this machine could not be read: %1.</source>
        <translation>無法讀取本機的飛行記錄器：%1。</translation>
    </message>
    <message>
        <source>The flight recorder of this machine could not be read: %1. Reading it needs an administrator's permission, which polkit asks for.</source>
        <translation>無法讀取本機的飛行記錄器：%1。讀取它需要管理員權限，由 polkit 詢問。</translation>
    </message>
</context>
<context>
    <name>refscope::ModuleDetailsModel</name>
    <message>
        <source>Field</source>
        <translation>欄位</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名稱</translation>
    </message>
    <message>
        <source>Unloadable?</source>
        <translation>能否卸載？</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Source version</source>
        <translation>原始碼版本</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>簽署者</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>File</source>
        <translation>檔案</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（無）</translation>
    </message>
    <message>
        <source>no: this kernel cannot unload modules (built without CONFIG_MODULE_UNLOAD)</source>
        <translation>否：此核心不能卸載模組（建置時未啟用 CONFIG_MODULE_UNLOAD）</translation>
    </message>
    <message numerus="yes">
        <source>no: used by %n module(s), which must be unloaded first</source>
        <translation>
            <numerusform>否：被 %n 個模組使用，必須先卸載它們</numerusform>
        </translation>
    </message>
    <message>
        <source>no: it has an init function but no exit function</source>
        <translation>否：它有 init 函式但沒有 exit 函式</translation>
    </message>
    <message>
        <source>not yet: it is still initialising</source>
        <translation>暫時不能：它仍在初始化</translation>
    </message>
    <message>
        <source>it is being unloaded right now</source>
        <translation>它正在被卸載</translation>
    </message>
    <message numerus="yes">
        <source>no: %n reference(s) held outside any module (open files, sockets, or a reference that was never released)</source>
        <translation>
            <numerusform>否：有 %n 個參考被模組以外的物件持有（開啟的檔案、通訊端，或從未釋放的參考）</numerusform>
        </translation>
    </message>
    <message>
        <source>yes: no users and no references</source>
        <translation>是：沒有使用者，也沒有參考</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 位元組</translation>
    </message>
    <message>
        <source>yes: it has no exit function and can never be unloaded</source>
        <translation>是：它沒有 exit 函式，永遠無法卸載</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>none</source>
        <translation>無</translation>
    </message>
    <message>
        <source>(no module file found)</source>
        <translation>（未找到模組檔案）</translation>
    </message>
    <message>
        <source>License</source>
        <translation>授權條款</translation>
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
        <translation>模組資訊：%1</translation>
    </message>
    <message>
        <source>%1 is not loaded in this snapshot.</source>
        <translation>%1 在此快照中未載入。</translation>
    </message>
    <message numerus="yes">
        <source>Parameters (%n):</source>
        <translation>
            <numerusform>參數（%n 個）：</numerusform>
        </translation>
    </message>
    <message>
        <source>Copy as text</source>
        <translation>複製為文字</translation>
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
        <translation>模組</translation>
    </message>
    <message>
        <source>State</source>
        <translation>狀態</translation>
    </message>
    <message>
        <source>Refcount</source>
        <translation>參考計數</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Used by</source>
        <translation>被依賴</translation>
    </message>
    <message>
        <source>Depends on</source>
        <translation>相依</translation>
    </message>
    <message>
        <source>Taints</source>
        <translation>汙染標記</translation>
    </message>
    <message>
        <source>Permanent</source>
        <translation>永久</translation>
    </message>
    <message>
        <source>%1 is not loaded: %2.</source>
        <translation>%1 未載入：%2。</translation>
    </message>
    <message>
        <source>live</source>
        <translation>就緒（live）</translation>
    </message>
    <message>
        <source>coming</source>
        <translation>載入中（coming）</translation>
    </message>
    <message>
        <source>going</source>
        <translation>卸載中（going）</translation>
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
        <translation>參數</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>(readable by root only)</source>
        <translation>（僅 root 可讀）</translation>
    </message>
</context>
<context>
    <name>refscope::OutstandingRefsModel</name>
    <message>
        <source>Gets</source>
        <translation>get 次數</translation>
    </message>
    <message>
        <source>Puts</source>
        <translation>put 次數</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未歸還</translation>
    </message>
    <message>
        <source>Whose reference</source>
        <translation>誰的參考</translation>
    </message>
</context>
<context>
    <name>refscope::OutstandingRefsPane</name>
    <message>
        <source>Call site</source>
        <translation>呼叫位置</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>任務</translation>
    </message>
    <message>
        <source>Whole recording</source>
        <translation>整段錄製</translation>
    </message>
    <message>
        <source>Between markers A and B</source>
        <translation>標記 A 與 B 之間</translation>
    </message>
    <message>
        <source>Over:</source>
        <translation>範圍：</translation>
    </message>
    <message>
        <source>Select a module to count its outstanding references.</source>
        <translation>選擇一個模組以統計其未歸還的參考。</translation>
    </message>
    <message>
        <source>%1 has no events in this recording.</source>
        <translation>%1 在這段錄製中沒有事件。</translation>
    </message>
    <message>
        <source>Place markers A and B on the timeline (click, right-click).</source>
        <translation>在時間軸上放置標記 A 和 B（按一下、按右鍵）。</translation>
    </message>
    <message>
        <source>Counting the references of %1… %2%</source>
        <translation>正在統計 %1 的參考… %2%</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 outstanding (%5 of the puts released references taken before). Count at the end: %6.</source>
        <translation>%1：get %2 次，put %3 次，%4 個未歸還（其中 %5 次 put 釋放的是此前取得的參考）。結束時的計數：%6。</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 outstanding. Count at the end: %5.</source>
        <translation>%1：get %2 次，put %3 次，%4 個未歸還。結束時的計數：%5。</translation>
    </message>
    <message>
        <source>%1: %2 gets, %3 puts, %4 more gets than puts, as the kernel counted them. Count at the end: %5.
%6</source>
        <translation>%1：依核心的計數，get %2 次，put %3 次，get 比 put 多 %4 次。結束時的計數：%5。
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
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>Cannot write %1: %2; %1 was not changed</source>
        <translation>無法寫入 %1：%2；%1 未被變更</translation>
    </message>
</context>
<context>
    <name>refscope::PolkitPrivileges</name>
    <message>
        <source>polkit gave no answer</source>
        <translation>polkit 沒有給出答覆</translation>
    </message>
    <message>
        <source>polkit could not check the action</source>
        <translation>polkit 無法檢查該操作</translation>
    </message>
    <message>
        <source>polkit did not answer</source>
        <translation>polkit 沒有回應</translation>
    </message>
</context>
<context>
    <name>refscope::PrivilegeView</name>
    <message>
        <source>polkit will ask for an administrator's password.</source>
        <translation>polkit 將要求輸入管理員密碼。</translation>
    </message>
    <message>
        <source>polkit does not allow your user to do this; an administrator can allow it (polkit action %1).</source>
        <translation>polkit 不允許你的使用者執行此操作；管理員可以允許（polkit 動作 %1）。</translation>
    </message>
    <message>
        <source>polkit could not be asked beforehand (%1): pkexec will say whether you may.</source>
        <translation>無法事先詢問 polkit（%1）：是否允許將由 pkexec 告知。</translation>
    </message>
    <message>
        <source>no answer</source>
        <translation>沒有答覆</translation>
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
        <translation>本機（root 身份）</translation>
    </message>
</context>
<context>
    <name>refscope::RecentFilesMenu</name>
    <message>
        <source>Open &amp;Recent</source>
        <translation>最近開啟(&amp;R)</translation>
    </message>
    <message>
        <source>No recent files</source>
        <translation>沒有最近開啟的檔案</translation>
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
        <translation>比較</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Compare recordings</source>
        <translation>比較錄製</translation>
    </message>
    <message>
        <source>a trace.dat or a RefScope session file</source>
        <translation>trace.dat 或 RefScope 工作階段檔案</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>選擇…</translation>
    </message>
    <message>
        <source>Recording A:</source>
        <translation>錄製 A：</translation>
    </message>
    <message>
        <source>Recording B:</source>
        <translation>錄製 B：</translation>
    </message>
    <message>
        <source>Call site</source>
        <translation>呼叫位置</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>類型</translation>
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
        <translation>請選擇同一批模組的兩份錄製，例如一次有洩漏的執行和一次沒有洩漏的執行：表格依呼叫位置列出每份錄製中取得後從未歸還的參考。</translation>
    </message>
    <message>
        <source>Choose a recording</source>
        <translation>選擇錄製檔案</translation>
    </message>
    <message>
        <source>Choose a recording for A and one for B.</source>
        <translation>請為 A 和 B 各選擇一份錄製。</translation>
    </message>
    <message>
        <source>Reading %1 and %2…</source>
        <translation>正在讀取 %1 和 %2…</translation>
    </message>
    <message>
        <source>Could not compare: %1 cannot be read as a recording (%2).</source>
        <translation>無法比較：%1 無法作為錄製讀取（%2）。</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>已停止。</translation>
    </message>
    <message>
        <source>%1 (only in B)</source>
        <translation>%1（僅在 B 中）</translation>
    </message>
    <message>
        <source>%1 (only in A)</source>
        <translation>%1（僅在 A 中）</translation>
    </message>
    <message>
        <source>All gets</source>
        <translation>全部取得（get）</translation>
    </message>
    <message>
        <source>All puts</source>
        <translation>全部歸還（put）</translation>
    </message>
    <message>
        <source>Outstanding (gets − puts)</source>
        <translation>未歸還（get − put）</translation>
    </message>
    <message>
        <source>Final count (lsmod)</source>
        <translation>最終計數（lsmod）</translation>
    </message>
    <message>
        <source>%1 (put only)</source>
        <translation>%1（僅 put）</translation>
    </message>
    <message>
        <source>put of a reference taken before the recording</source>
        <translation>歸還的是錄製開始前取得的參考</translation>
    </message>
    <message>
        <source>not seen</source>
        <translation>未出現</translation>
    </message>
    <message>
        <source>Neither recording has events of a module.</source>
        <translation>兩份錄製中都沒有模組事件。</translation>
    </message>
    <message>
        <source>The recordings agree: every module's call sites leave the same references outstanding in both.</source>
        <translation>兩份錄製一致：每個模組的各呼叫位置在兩者中留下的未歸還參考都相同。</translation>
    </message>
    <message>
        <source>Modules that differ: %1 of %2; the rows that differ are highlighted. Outstanding references are gets never put back while recording.</source>
        <translation>有差異的模組：%1 個（共 %2 個）；有差異的列已醒目標示。未歸還的參考是錄製期間取得後從未歸還的參考。</translation>
    </message>
</context>
<context>
    <name>refscope::RecordingOpener</name>
    <message>
        <source>Reading %1…</source>
        <translation>正在讀取 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>開啟錄製檔案</translation>
    </message>
    <message>
        <source>Recordings (*.dat *.rscope);;trace-cmd recordings (*.dat);;RefScope session files (*.rscope);;All files (*)</source>
        <translation>錄製檔案 (*.dat *.rscope);;trace-cmd 錄製檔案 (*.dat);;RefScope 工作階段檔案 (*.rscope);;所有檔案 (*)</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseAvailability</name>
    <message>
        <source>Select a module to release.</source>
        <translation>請選擇要釋放的模組。</translation>
    </message>
    <message>
        <source>The state of %1 is unknown: nothing is done to it.</source>
        <translation>%1 的狀態不明：不對它做任何操作。</translation>
    </message>
    <message>
        <source>A saved snapshot cannot be changed: open the lab, or read this machine, to release %1.</source>
        <translation>已儲存的快照無法變更：請開啟實驗環境或讀取本機，再釋放 %1。</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseDialog</name>
    <message>
        <source>Scan again</source>
        <translation>重新掃描</translation>
    </message>
    <message>
        <source>Force release %1</source>
        <translation>強制釋放 %1</translation>
    </message>
    <message>
        <source>Ask the agent again what holds the module</source>
        <translation>再次詢問代理是什麼持有該模組</translation>
    </message>
    <message>
        <source>Why it cannot be unloaded</source>
        <translation>為什麼無法卸載</translation>
    </message>
    <message>
        <source>Tick the holders to clear:</source>
        <translation>勾選要清除的持有者：</translation>
    </message>
    <message>
        <source>What will happen</source>
        <translation>將會發生什麼</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進度</translation>
    </message>
    <message>
        <source>Asking the agent what holds %1…</source>
        <translation>正在詢問代理是什麼持有 %1…</translation>
    </message>
    <message>
        <source>Releasing %1…</source>
        <translation>正在釋放 %1…</translation>
    </message>
    <message>
        <source>Released: %1 is gone.</source>
        <translation>已釋放：%1 已不存在。</translation>
    </message>
    <message>
        <source>Not released: %1 changed after you confirmed, and the agent changed nothing. Scan again to see what holds it now.</source>
        <translation>未釋放：%1 在你確認之後有了變化，代理沒有做任何變更。請重新掃描，查看現在是什麼持有它。</translation>
    </message>
    <message>
        <source>Not released: %1 is still loaded.</source>
        <translation>未釋放：%1 仍處於載入狀態。</translation>
    </message>
    <message>
        <source>Unattributed references (RefScope could not see their holders): %1</source>
        <translation>未歸屬的參考（RefScope 看不到它們的持有者）：%1</translation>
    </message>
    <message>
        <source>Try to unload %1 anyway</source>
        <translation>仍然嘗試卸載 %1</translation>
    </message>
    <message>
        <source>Clear and unload %1</source>
        <translation>清除並卸載 %1</translation>
    </message>
    <message>
        <source>As planned, references remain and the kernel refuses to unload: tick more holders, or choose a last resort</source>
        <translation>依此計畫仍會剩下參考，核心會拒絕卸載：請勾選更多持有者，或選擇一個最後手段</translation>
    </message>
    <message>
        <source>Run the steps above</source>
        <translation>執行上面的步驟</translation>
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
        <translation>強制釋放 %1：已釋放</translation>
    </message>
    <message>
        <source>force release of %1: failed</source>
        <translation>強制釋放 %1：失敗</translation>
    </message>
</context>
<context>
    <name>refscope::ReleasePlan</name>
    <message>
        <source>The module's own kernel thread keeps this open file: only the module's exit lets it go, which the kernel's forced unload runs.</source>
        <translation>模組自己的核心執行緒保持著這個開啟的檔案：只有模組的 exit 函式才能讓它釋放，而核心的強制卸載會執行 exit。</translation>
    </message>
    <message>
        <source>A kernel thread cannot be ended from user space: it lets go when the code that started it stops it.</source>
        <translation>核心執行緒無法從使用者空間結束：只有啟動它的程式碼停止它時，它才會釋放。</translation>
    </message>
    <message>
        <source>No process has this open file: the kernel keeps it, and nothing in user space can close it.</source>
        <translation>沒有行程持有這個開啟的檔案：它由核心保持，使用者空間無法關閉它。</translation>
    </message>
    <message>
        <source>This kernel was built without CONFIG_MODULE_FORCE_UNLOAD.</source>
        <translation>此核心編譯時未啟用 CONFIG_MODULE_FORCE_UNLOAD。</translation>
    </message>
    <message>
        <source>Holders left alone would call into the freed module later: tick every holder the module's exit does not end.</source>
        <translation>未處理的持有者之後會呼叫已釋放的模組：請勾選模組的 exit 無法結束的每個持有者。</translation>
    </message>
    <message>
        <source>Type the module's name, %1, to unlock the last resort.</source>
        <translation>輸入模組名稱 %1 以解鎖最後手段。</translation>
    </message>
    <message>
        <source>Terminate the process</source>
        <translation>終止行程</translation>
    </message>
    <message>
        <source>Close just those fds</source>
        <translation>只關閉這些 fd</translation>
    </message>
    <message>
        <source>Unmount</source>
        <translation>卸載掛載點</translation>
    </message>
    <message>
        <source>Unload the holder module</source>
        <translation>卸載持有它的模組</translation>
    </message>
    <message>
        <source>No last resort: only unload</source>
        <translation>不用最後手段：只卸載</translation>
    </message>
    <message>
        <source>Drop the leaked references</source>
        <translation>丟棄洩漏的參考</translation>
    </message>
    <message>
        <source>The kernel's forced unload</source>
        <translation>核心的強制卸載</translation>
    </message>
    <message>
        <source>Nothing is forced: the kernel refuses to unload while references remain.</source>
        <translation>不強制任何操作：只要還有參考，核心就會拒絕卸載。</translation>
    </message>
    <message>
        <source>The kernel frees the module even though references remain (delete_module with O_TRUNC). Whatever still holds one and uses it later jumps into freed memory and can crash the whole machine. RefScope offers it only where the module's own exit lets the remaining references go. The kernel is marked tainted (R).</source>
        <translation>即使仍有參考，核心也會釋放模組（帶 O_TRUNC 的 delete_module）。之後仍持有並使用參考的任何程式碼都會跳入已釋放的記憶體，可能導致整台機器當機。RefScope 只在模組自己的 exit 能釋放剩餘參考時才提供此選項。核心會被標記為已汙染（R）。</translation>
    </message>
    <message>
        <source>pid %1 (%2)</source>
        <translation>pid %1（%2）</translation>
    </message>
    <message>
        <source>End %1 with SIGTERM, then SIGKILL if it outlives the grace period (pid(s) %2), so it lets go of %3.</source>
        <translation>用 SIGTERM 結束 %1，超過寬限期仍未結束則送出 SIGKILL（pid %2），使它釋放 %3。</translation>
    </message>
    <message>
        <source>Close %1 of %2 (%3); the process keeps running.</source>
        <translation>關閉 %2 的 %1（%3）；行程繼續執行。</translation>
    </message>
    <message>
        <source>Unmount %1.</source>
        <translation>卸載掛載點 %1。</translation>
    </message>
    <message>
        <source>Unload the module %1, which uses %2.</source>
        <translation>卸載使用 %2 的模組 %1。</translation>
    </message>
    <message numerus="yes">
        <source>Check that %1 still has %n reference(s), as shown here; if the count changed, stop without changing anything.</source>
        <translation>
            <numerusform>檢查 %1 是否仍如此處所示有 %n 個參考；如果計數已變化，則停止，不做任何變更。</numerusform>
        </translation>
    </message>
    <message>
        <source>Force %1 out with the kernel's forced unload; the kernel is tainted (R).</source>
        <translation>用核心的強制卸載移除 %1；核心會被標記為已汙染（R）。</translation>
    </message>
    <message>
        <source>Unload %1 (delete_module).</source>
        <translation>卸載 %1（delete_module）。</translation>
    </message>
    <message>
        <source>Verify that %1 is gone.</source>
        <translation>確認 %1 已不存在。</translation>
    </message>
    <message numerus="yes">
        <source>Warning: %n reference(s) would remain, so the kernel will refuse to unload %1.</source>
        <translation>
            <numerusform>警告：將剩下 %n 個參考，因此核心會拒絕卸載 %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>Init (pid 1) has this open file: RefScope never stops or ends init.</source>
        <translation>init（pid 1）持有這個開啟的檔案：RefScope 絕不停止或結束 init。</translation>
    </message>
    <message>
        <source>A kernel object holds this reference, not a process: run %1 and refresh.</source>
        <translation>持有此參考的是核心物件而不是行程：執行 %1 後重新整理。</translation>
    </message>
    <message>
        <source>Every reference is attributed to a holder: there is nothing to drop.</source>
        <translation>每個參考都已歸屬到持有者：沒有可丟棄的。</translation>
    </message>
    <message numerus="yes">
        <source>%n reference(s) RefScope could not attribute could be put later, into freed memory.</source>
        <translation>
            <numerusform>%n 個 RefScope 無法歸屬的參考可能稍後被歸還，落入已釋放的記憶體。</numerusform>
        </translation>
    </message>
    <message>
        <source>Offered only when the timeline's recording proves every unattributed reference leaked: the module took it on itself and never put it back, with no holder behind it. RefScope's helper module then lowers the count by exactly those, and only if the count has not changed. The kernel is marked tainted (R).</source>
        <translation>僅當時間軸的錄製證明每個未歸屬的參考都已洩漏時才提供：模組替自己取得了它且從未歸還，背後沒有持有者。隨後 RefScope 的輔助模組恰好減去這些參考，且僅在計數未變時進行。核心會被標記為污染（R）。</translation>
    </message>
    <message numerus="yes">
        <source>Drop the %n reference(s) the recording proves leaked, only if still that many; the kernel is tainted (R).</source>
        <translation>
            <numerusform>丟棄錄製證明已洩漏的 %n 個參考，僅當仍是這麼多時進行；核心會被污染（R）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Nothing is ticked: even with every holder RefScope can clear, %n reference(s) would remain and the kernel would refuse to unload %1. Tick holders and try anyway, or type the module's name for a last resort.</source>
        <translation>
            <numerusform>未勾選任何項目：即使清除 RefScope 能清除的所有持有者，仍會剩下 %n 個參考，核心會拒絕卸載 %1。可以勾選持有者後仍然嘗試，或輸入模組名稱以使用最後手段。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseSession</name>
    <message>
        <source>The release agent could not start (%1): nothing was changed.</source>
        <translation>釋放代理無法啟動（%1）：沒有做任何變更。</translation>
    </message>
    <message>
        <source>The release agent stopped (%1) before any release: nothing was changed.</source>
        <translation>釋放代理在任何釋放之前就停止了（%1）：沒有做任何變更。</translation>
    </message>
    <message>
        <source>The release agent stopped during the release (%1): scan again, or look at the module table, to see what changed.</source>
        <translation>釋放代理在釋放過程中停止了（%1）：請重新掃描或查看模組表，了解有哪些變化。</translation>
    </message>
    <message>
        <source>The agent is gone: nothing was changed.</source>
        <translation>代理已不存在：沒有做任何變更。</translation>
    </message>
    <message>
        <source>The agent could not say what holds the module: %1</source>
        <translation>代理無法說明是什麼持有該模組：%1</translation>
    </message>
    <message>
        <source>Exact holders from RefScope's helper module.</source>
        <translation>來自 RefScope 輔助模組的精確持有者。</translation>
    </message>
    <message>
        <source>Inferred holders: %1</source>
        <translation>推斷出的持有者：%1</translation>
    </message>
    <message>
        <source>The agent could not release the module: %1</source>
        <translation>代理無法釋放該模組：%1</translation>
    </message>
</context>
<context>
    <name>refscope::ReleaseStepText</name>
    <message>
        <source>%2 is live with %1 reference(s), as you confirmed.</source>
        <translation>%2 處於 live 狀態，有 %1 個參照，與您確認的一致。</translation>
    </message>
    <message>
        <source>%1 is not loaded.</source>
        <translation>%1 未載入。</translation>
    </message>
    <message>
        <source>%1 is built into the kernel: it can never be unloaded.</source>
        <translation>%1 已編譯進核心：永遠無法卸載。</translation>
    </message>
    <message>
        <source>%1 is still initialising: wait until its init function returns.</source>
        <translation>%1 仍在初始化：請等待其 init 函式返回。</translation>
    </message>
    <message>
        <source>%1 is already being unloaded.</source>
        <translation>%1 已在卸載中。</translation>
    </message>
    <message>
        <source>%1 has no exit function (permanent): the kernel can never unload it.</source>
        <translation>%1 沒有 exit 函式（permanent）：核心永遠無法卸載它。</translation>
    </message>
    <message>
        <source>This kernel was built without module unloading (CONFIG_MODULE_UNLOAD): %1 cannot be unloaded.</source>
        <translation>此核心編譯時未啟用模組卸載（CONFIG_MODULE_UNLOAD）：%1 無法卸載。</translation>
    </message>
    <message>
        <source>The count of %3 changed since you confirmed: %1 now, %2 confirmed. Nothing was changed; look at its holders again.</source>
        <translation>%3 的參照計數在您確認後發生了變化：現在為 %1，確認時為 %2。未做任何變更，請重新檢視其持有者。</translation>
    </message>
    <message>
        <source>Refused to end pid %1 to clear %2: RefScope never signals init, its own agent or the program that started it.</source>
        <translation>拒絕為清除 %2 而結束 pid %1：RefScope 絕不向 init、它自己的代理或啟動它的程式傳送訊號。</translation>
    </message>
    <message>
        <source>"%1" cannot clear a %2 holder (%3).</source>
        <translation>「%1」無法清除 %2 類型的持有者（%3）。</translation>
    </message>
    <message>
        <source>Ended %2: pid(s) %1 exited after SIGTERM.</source>
        <translation>已結束 %2：pid %1 在收到 SIGTERM 後結束。</translation>
    </message>
    <message>
        <source>Killed %2: pid(s) %1 outlived SIGTERM's grace period and got SIGKILL.</source>
        <translation>已強制結束 %2：pid %1 在 SIGTERM 的寬限期過後仍未結束，已傳送 SIGKILL。</translation>
    </message>
    <message>
        <source>Closed fd(s) %1 of %2.</source>
        <translation>已關閉 %2 的 fd %1。</translation>
    </message>
    <message>
        <source>Unmounted %1.</source>
        <translation>已卸除掛載 %1（umount）。</translation>
    </message>
    <message>
        <source>Unloaded the user module %1.</source>
        <translation>已卸載使用者模組 %1。</translation>
    </message>
    <message>
        <source>%1 no longer holds the module: nothing to do.</source>
        <translation>%1 已不再持有該模組：無需操作。</translation>
    </message>
    <message>
        <source>Could not clear %2: %1</source>
        <translation>無法清除 %2：%1</translation>
    </message>
    <message>
        <source>Could not drop the references of %2: %1</source>
        <translation>無法捨棄 %2 的參照：%1</translation>
    </message>
    <message>
        <source>This kernel has no forced unload (CONFIG_MODULE_FORCE_UNLOAD): %1 was not forced.</source>
        <translation>此核心不支援強制卸載（CONFIG_MODULE_FORCE_UNLOAD）：未強制卸載 %1。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 holder(s) remain that a process or the kernel would close later, calling into the freed module's code.</source>
        <translation>拒絕強制卸載 %2：仍有 %1 個持有者，行程或核心之後關閉它們時會呼叫已釋放模組的程式碼。</translation>
    </message>
    <message>
        <source>Forced %2 out (delete_module with O_TRUNC): its exit stopped its own kernel threads, which let go of %1 reference(s). The kernel is now tainted (R).</source>
        <translation>已強制卸載 %2（delete_module 帶 O_TRUNC）：其 exit 函式停止了它自己的核心執行緒，這些執行緒釋放了 %1 個參照。核心現已被標記為汙染（R）。</translation>
    </message>
    <message>
        <source>The kernel refused to force %2 out: %1</source>
        <translation>核心拒絕強制卸載 %2：%1</translation>
    </message>
    <message>
        <source>Unloaded %1.</source>
        <translation>已卸載 %1。</translation>
    </message>
    <message>
        <source>Could not unload %2: %1</source>
        <translation>無法卸載 %2：%1</translation>
    </message>
    <message>
        <source>Verified: %1 is gone (neither in /sys/module nor in /proc/modules).</source>
        <translation>已驗證：%1 已移除（/sys/module 與 /proc/modules 中皆已不存在）。</translation>
    </message>
    <message>
        <source>%3 is still loaded (%1, count %2).</source>
        <translation>%3 仍處於載入狀態（%1，計數 %2）。</translation>
    </message>
    <message>
        <source>Dropped %1 reference(s) of %4 that the recording proves leaked: count %2 -&gt; %3. The kernel is now tainted (R), as after a forced unload.</source>
        <translation>已丟棄 %4 中錄製證明已洩漏的 %1 個參考：計數 %2 -&gt; %3。核心現已被污染（R），與強制卸載後相同。</translation>
    </message>
    <message>
        <source>%3 now has %1 unattributed reference(s), not the %2 you confirmed: nothing was dropped.</source>
        <translation>%3 現在有 %1 個未歸屬的參考，而不是您確認的 %2 個：沒有丟棄任何參考。</translation>
    </message>
    <message>
        <source>Every remaining reference of %1 is attributed: nothing to drop.</source>
        <translation>%1 剩餘的每個參考都已歸屬：沒有可丟棄的。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 reference(s) RefScope could not attribute might be put later, into freed memory.</source>
        <translation>拒絕強制移除 %2：%1 個 RefScope 無法歸屬的參考可能稍後被歸還，落入已釋放的記憶體。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: no recording proves them leaked. An unattributed reference is one whose holder RefScope could not see, not one that nothing holds. Record the module while the leak happens (%2, or the timeline's Capture) and give the recording (--trace FILE): only the module's own gets that were never put back are dropped.</source>
        <translation>拒絕丟棄 %3 的參考：沒有錄製證明它們已洩漏。未歸屬的參考是指 RefScope 看不到其持有者的參考，而不是沒有任何東西持有的參考。請在洩漏發生時錄製該模組（%2，或時間軸的「擷取」）並提供該錄製（--trace FILE）：只有模組自己取得且從未歸還的參考才會被丟棄。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: the recording %1 has no event of %2. Record it while the leak happens.</source>
        <translation>拒絕丟棄 %3 的參考：錄製 %1 中沒有 %2 的事件。請在洩漏發生時錄製它。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: the recording %1 lost %2 event(s), so a put may be missing from it. Record again.</source>
        <translation>拒絕丟棄 %3 的參考：錄製 %1 遺失了 %2 個事件，其中可能缺少歸還。請重新錄製。</translation>
    </message>
    <message>
        <source>Refused to drop references of %4: the recording %1 ends with count %2 but the count is %3 now: it no longer shows what holds the module. Record again up to now.</source>
        <translation>拒絕丟棄 %4 的參考：錄製 %1 結束時計數為 %2，但現在計數為 %3：它已不能說明是什麼持有該模組。請重新錄製到現在。</translation>
    </message>
    <message>
        <source>Refused to drop references of %3: %1 reference(s) are unattributed while these kinds of holder could not be checked: %2. One of them may hold the module.</source>
        <translation>拒絕丟棄 %3 的參考：有 %1 個參考未歸屬，而以下種類的持有者無法檢查：%2。其中之一可能持有該模組。</translation>
    </message>
    <message>
        <source>Refused to drop references of %4: %1 reference(s) are unattributed but the recording proves only %2 leaked (the module's own gets never put back). The others were taken for: %3. They are not leaks: remove those holders instead.</source>
        <translation>拒絕丟棄 %4 的參考：有 %1 個參考未歸屬，但錄製只證明 %2 個已洩漏（模組自己取得且從未歸還的）。其他的是為以下物件取得的：%3。它們不是洩漏：請改為移除這些持有者。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: %1 file(s) of it are in flight, sent over a unix socket and not received yet. The module's exit does not let them go: whoever receives them, or the socket's last close, would call into the freed module. Let the receiver take them, or close that socket, first.</source>
        <translation>拒絕強制卸載 %2：它有 %1 個檔案處於傳輸中，已透過 unix 通訊端傳送但尚未被接收。模組的結束函式不會釋放它們：之後接收它們的行程，或該通訊端最後一次關閉時，會呼叫已釋放模組的程式碼。請先讓接收方接收它們，或關閉該通訊端。</translation>
    </message>
    <message>
        <source>Refused to force %3 out: its holders changed since the scan just before (count %1 now, %2 then). A reference taken meanwhile would be put into freed memory. Nothing was changed; look at its holders again.</source>
        <translation>拒絕強制卸載 %3：其持有者在剛才的掃描之後發生了變化（現在計數為 %1，掃描時為 %2）。期間取得的參照將被放回已釋放的記憶體中。未做任何變更，請重新檢視其持有者。</translation>
    </message>
    <message>
        <source>Refused to force %2 out: RefScope could not check whether a file of it is in flight in a unix socket, which would be closed after the module is freed (%1).</source>
        <translation>拒絕強制卸載 %2：RefScope 無法檢查它是否有檔案正在 unix 通訊端中傳輸，這樣的檔案會在模組釋放後才被關閉（%1）。</translation>
    </message>
</context>
<context>
    <name>refscope::SessionActions</name>
    <message>
        <source>Save session…</source>
        <translation>儲存工作階段…</translation>
    </message>
    <message>
        <source>Save the modules shown, the timeline's events and the holders seen, to reopen them exactly later</source>
        <translation>儲存當前顯示的模組、時間線事件和已檢視的持有者，以便日後原樣重新開啟</translation>
    </message>
    <message>
        <source>Save session</source>
        <translation>儲存工作階段</translation>
    </message>
    <message>
        <source>Stop the capture before saving the session: its events are still arriving.</source>
        <translation>請先停止採集再儲存工作階段：事件仍在不斷到達。</translation>
    </message>
    <message>
        <source>There is nothing to save yet: no modules and no recording.</source>
        <translation>還沒有可儲存的內容：沒有模組，也沒有錄製。</translation>
    </message>
    <message>
        <source>Saving %1…</source>
        <translation>正在儲存 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>RefScope session files (*.rscope)</source>
        <translation>RefScope 工作階段檔案 (*.rscope)</translation>
    </message>
</context>
<context>
    <name>refscope::SessionFile</name>
    <message>
        <source>saving %1 was stopped</source>
        <translation>儲存 %1 已停止</translation>
    </message>
    <message>
        <source>cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>無法開啟 %1：%2</translation>
    </message>
    <message>
        <source>%1 is not a RefScope session file</source>
        <translation>%1 不是 RefScope 工作階段檔案</translation>
    </message>
    <message>
        <source>%1 is truncated (its header is incomplete)</source>
        <translation>%1 已截斷（檔案頭不完整）</translation>
    </message>
    <message>
        <source>%1 was written by a newer RefScope (session format %2; this one reads up to %3)</source>
        <translation>%1 由更新版本的 RefScope 寫入（工作階段格式 %2；本版本最高讀取 %3）</translation>
    </message>
    <message>
        <source>%1 is truncated (%2 of %3 payload bytes)</source>
        <translation>%1 已截斷（有效載荷 %2 / %3 位元組）</translation>
    </message>
    <message>
        <source>%1 is corrupted (%2 bytes past its end)</source>
        <translation>%1 已損壞（末尾多出 %2 位元組）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its payload does not decompress)</source>
        <translation>%1 已損壞（有效載荷無法解壓）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its snapshot does not parse: %2)</source>
        <translation>%1 已損壞（快照無法解析：%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its events do not parse)</source>
        <translation>%1 已損壞（事件無法解析）</translation>
    </message>
    <message>
        <source>%1 is corrupted (%2)</source>
        <translation>%1 已損壞（%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its holder reports do not parse)</source>
        <translation>%1 已損壞（持有者報告無法解析）</translation>
    </message>
    <message>
        <source>cannot save %1: the session is too large for a session file (%2 MiB; at most 4 GiB before compression); %1 was not changed</source>
        <translation>無法儲存 %1：工作階段太大，工作階段檔案容納不下（%2 MiB；壓縮前最多 4 GiB）；%1 未被變更</translation>
    </message>
    <message>
        <source>cannot save %1: not enough memory; %1 was not changed</source>
        <translation>無法儲存 %1：記憶體不足；%1 未被變更</translation>
    </message>
    <message>
        <source>cannot create %1</source>
        <translation>無法建立 %1</translation>
    </message>
    <message>
        <source>%1 is corrupted (its view does not parse: %2)</source>
        <translation>%1 已損壞（其檢視無法解析：%2）</translation>
    </message>
    <message>
        <source>%1 is corrupted (its call site counts do not parse)</source>
        <translation>%1 已損壞（其呼叫位置計數無法解析）</translation>
    </message>
    <message>
        <source>cannot save %1: %2; %1 was not changed</source>
        <translation>無法儲存 %1：%2；%1 未被更動</translation>
    </message>
</context>
<context>
    <name>refscope::SessionSnapshotSource</name>
    <message>
        <source>session file %1</source>
        <translation>工作階段檔案 %1</translation>
    </message>
</context>
<context>
    <name>refscope::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>System language (%1)</source>
        <translation>系統語言（%1）</translation>
    </message>
    <message>
        <source>Follow the desktop</source>
        <translation>跟隨桌面</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>淺色</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>深色</translation>
    </message>
    <message>
        <source>A new language takes effect when RefScope restarts.</source>
        <translation>更改語言後需重新啟動 RefScope 才能生效。</translation>
    </message>
    <message>
        <source>&amp;Language:</source>
        <translation>語言(&amp;L)：</translation>
    </message>
    <message>
        <source>&amp;Colours:</source>
        <translation>色彩配置(&amp;C)：</translation>
    </message>
</context>
<context>
    <name>refscope::SnapshotSource</name>
    <message>
        <source>%1 is not connected.</source>
        <translation>%1 未連線。</translation>
    </message>
    <message>
        <source>%1 could not read its modules: %2 (%3)</source>
        <translation>%1 無法讀取模組：%2（%3）</translation>
    </message>
    <message>
        <source>%1 sent a snapshot RefScope cannot read: %2</source>
        <translation>%1 傳送了 RefScope 無法讀取的快照：%2</translation>
    </message>
</context>
<context>
    <name>refscope::SshSnapshotSource</name>
    <message>
        <source>%1 over SSH</source>
        <translation>%1（透過 SSH）</translation>
    </message>
</context>
<context>
    <name>refscope::SshTarget</name>
    <message>
        <source>no host given</source>
        <translation>未指定主機</translation>
    </message>
    <message>
        <source>"%1" is not a host name</source>
        <translation>「%1」不是主機名稱</translation>
    </message>
    <message>
        <source>"%1" is not a user name</source>
        <translation>「%1」不是使用者名稱</translation>
    </message>
    <message>
        <source>%1 is not a port</source>
        <translation>%1 不是連接埠</translation>
    </message>
    <message>
        <source>the agent's path on the target must be absolute and plain (letters, digits, "_./+-"): "%1"</source>
        <translation>目標機器上代理程式的路徑必須是絕對路徑，且只含字母、數字和「_./+-」：「%1」</translation>
    </message>
    <message>
        <source>"%1" has an empty user name before "@"</source>
        <translation>「%1」中「@」前的使用者名稱為空</translation>
    </message>
    <message>
        <source>"%1" lacks the "]" after the address</source>
        <translation>「%1」的位址後缺少「]」</translation>
    </message>
    <message>
        <source>"%1": only ":PORT" may follow the address</source>
        <translation>「%1」：位址後只能跟「:連接埠」</translation>
    </message>
    <message>
        <source>"%1" is not a port</source>
        <translation>「%1」不是連接埠</translation>
    </message>
    <message>
        <source>refscope-agent on %1 speaks another protocol version than this RefScope (version %2): install the same RefScope version on both machines.</source>
        <translation>%1 上的 refscope-agent 使用的協定版本與本 RefScope（版本 %2）不同：請在兩台機器上安裝相同版本的 RefScope。</translation>
    </message>
    <message>
        <source>refscope-agent on %1 refused the connection: %2</source>
        <translation>%1 上的 refscope-agent 拒絕了連線：%2</translation>
    </message>
    <message>
        <source>The connection to %1 was ended (ssh was stopped).</source>
        <translation>與 %1 的連線已結束（ssh 被停止）。</translation>
    </message>
    <message>
        <source>ssh to %1 was stopped before it connected.</source>
        <translation>到 %1 的 ssh 在連線之前被停止。</translation>
    </message>
    <message>
        <source>refscope-agent is not installed on %1 (there is no %2 there). Install RefScope on that machine: the refscope and refscope-helper-dkms packages (DKMS builds the helper module for its own kernel), as RefScope's README shows; or name another place with --ssh-agent PATH.</source>
        <translation>%1 上沒有安裝 refscope-agent（那裡沒有 %2）。請在那台機器上安裝 RefScope：refscope 和 refscope-helper-dkms 套件（DKMS 會為它自己的核心建置輔助模組），方法見 RefScope 的 README；或用 --ssh-agent 路徑 指定其他位置。</translation>
    </message>
    <message>
        <source>You log in on %1 as %2, not as root: log in as root (root@HOST) or let sudo start the agent (--ssh-privilege sudo).</source>
        <translation>你在 %1 上以 %2 而不是 root 登入：請以 root 登入（root@主機），或讓 sudo 啟動代理程式（--ssh-privilege sudo）。</translation>
    </message>
    <message>
        <source>sudo is not installed on %1: log in as root (--ssh-privilege root), or install sudo there.</source>
        <translation>%1 上未安裝 sudo：請以 root 登入（--ssh-privilege root），或在那裡安裝 sudo。</translation>
    </message>
    <message>
        <source>pkexec is not installed on %1: use sudo (--ssh-privilege sudo) or log in as root.</source>
        <translation>%1 上未安裝 pkexec：請使用 sudo（--ssh-privilege sudo）或以 root 登入。</translation>
    </message>
    <message>
        <source>sudo on %1 does not allow you to run %2 as root: add a sudoers rule for it there ("USER ALL=(root) NOPASSWD: %2"), or log in as root (--ssh-privilege root).</source>
        <translation>%1 上的 sudo 不允許你以 root 執行 %2：請在那裡為它新增 sudoers 規則（「USER ALL=(root) NOPASSWD: %2」），或以 root 登入（--ssh-privilege root）。</translation>
    </message>
    <message>
        <source>pkexec on %1 would ask for a password, which cannot be typed over this connection: polkit there must allow RefScope's action without one (a polkit rule for org.refscope.inspect and org.refscope.release), or use sudo (--ssh-privilege sudo) or a root login.</source>
        <translation>%1 上的 pkexec 會要求輸入密碼，而透過此連線無法輸入：那裡的 polkit 必須允許 RefScope 的動作無需密碼（為 org.refscope.inspect 和 org.refscope.release 新增 polkit 規則），或者使用 sudo（--ssh-privilege sudo）或以 root 登入。</translation>
    </message>
    <message>
        <source>The host key of %1 has changed since you last connected: a reinstalled machine, or someone intercepting the connection. RefScope does not connect. Check the new key on the machine itself (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub there), then remove the old one with "ssh-keygen -R %2" and connect once with "%3".</source>
        <translation>%1 的主機金鑰自你上次連線以來已改變：可能是機器重灌了，也可能有人在攔截連線。RefScope 不會連線。請在那台機器本身上核對新金鑰（在那裡執行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub），然後用「ssh-keygen -R %2」刪除舊金鑰，再用「%3」連線一次。</translation>
    </message>
    <message>
        <source>The host key of %1 is not known here yet, so RefScope cannot be sure it reaches the right machine. Connect once with "%2", check the key fingerprint it shows against the machine's own (ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub there) and accept it, then try again.</source>
        <translation>這裡還不知道 %1 的主機金鑰，所以 RefScope 無法確定連到的是正確的機器。請用「%2」連線一次，將顯示的金鑰指紋與那台機器自己的指紋核對（在那裡執行 ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub）並接受，然後重試。</translation>
    </message>
    <message>
        <source>%1 refused the login (%2). RefScope logs in with your own SSH keys and ssh-agent and never asks for a password: check that "%3" logs in without one (%4 installs your key there).</source>
        <translation>%1 拒絕了登入（%2）。RefScope 使用你自己的 SSH 金鑰和 ssh-agent 登入，從不詢問密碼：請確認「%3」無需密碼即可登入（%4 會把你的金鑰安裝到那裡）。</translation>
    </message>
    <message>
        <source>Cannot reach %1: %2.</source>
        <translation>無法連線到 %1：%2。</translation>
    </message>
    <message>
        <source>The connection to %1 dropped.</source>
        <translation>與 %1 的連線已中斷。</translation>
    </message>
    <message>
        <source>The connection to %1 dropped: %2.</source>
        <translation>與 %1 的連線已中斷：%2。</translation>
    </message>
    <message>
        <source>ssh could not connect to %1.</source>
        <translation>ssh 無法連線到 %1。</translation>
    </message>
    <message>
        <source>ssh could not connect to %1: %2</source>
        <translation>ssh 無法連線到 %1：%2</translation>
    </message>
    <message>
        <source>The connection to %1 ended before refscope-agent answered.</source>
        <translation>在 refscope-agent 回應之前，與 %1 的連線已結束。</translation>
    </message>
    <message>
        <source>On %1: %2</source>
        <translation>在 %1 上：%2</translation>
    </message>
    <message>
        <source>sudo on %1 asks for a password before it starts the agent (it asks also when it would not allow you at all), and no password can be typed over this connection. Let sudo start exactly the agent without one there (a sudoers line such as "USER ALL=(root) NOPASSWD: %2" in /etc/sudoers.d/refscope), or log in as root (--ssh-privilege root).</source>
        <translation>%1 上的 sudo 在啟動代理程式前會要求輸入密碼（即使根本不允許你執行，它也會先要求密碼），而透過此連線無法輸入密碼。請讓那裡的 sudo 無需密碼即可啟動且僅啟動該代理程式（例如在 /etc/sudoers.d/refscope 中加入 sudoers 行「USER ALL=(root) NOPASSWD: %2」），或者以 root 登入（--ssh-privilege root）。</translation>
    </message>
    <message>
        <source>pkexec on %1 could not reach polkit (%2): the polkit service and the system D-Bus must run there for pkexec to start the agent. Use sudo (--ssh-privilege sudo) or a root login instead.</source>
        <translation>%1 上的 pkexec 無法連線 polkit（%2）：那裡必須執行 polkit 服務和系統 D-Bus，pkexec 才能啟動代理程式。請改用 sudo（--ssh-privilege sudo）或以 root 登入。</translation>
    </message>
</context>
<context>
    <name>refscope::TargetList</name>
    <message>
        <source>%1 (kernel %2)</source>
        <translation>%1（核心 %2）</translation>
    </message>
</context>
<context>
    <name>refscope::Teaching</name>
    <message>
        <source>live: init finished successfully and the module is in normal use. It can be unloaded once no module uses it and its reference count is 0.</source>
        <translation>live：init 已成功完成，模組正在正常使用。當沒有模組使用它且參考計數為 0 時即可卸載。</translation>
    </message>
    <message>
        <source>coming: the module is loaded and its init function is still running. The loader holds a reference meanwhile, and delete_module() refuses to unload it.</source>
        <translation>coming：模組已載入，其 init 函式仍在執行。在此期間載入者持有一個參考，delete_module() 會拒絕卸載它。</translation>
    </message>
    <message>
        <source>going: the module is on its way out, either because rmmod is running its exit function or because its init failed. It disappears in a moment.</source>
        <translation>going：模組正在結束，可能是 rmmod 正在執行它的 exit 函式，也可能是它的 init 失敗了。它很快就會消失。</translation>
    </message>
    <message>
        <source>unknown: RefScope could not read /sys/module/&lt;name&gt;/initstate, so the state is not known.</source>
        <translation>unknown：RefScope 無法讀取 /sys/module/&lt;name&gt;/initstate，因此狀態未知。</translation>
    </message>
    <message>
        <source>permanent: the module has an init function but no exit function, so the kernel can never run its cleanup. delete_module() always refuses it (only a forced unload, which may crash the kernel, would remove it).</source>
        <translation>permanent（永久）：模組有 init 函式但沒有 exit 函式，核心永遠無法執行它的清理工作。delete_module() 總是拒絕卸載它（只有可能導致核心崩潰的強制卸載才能移除它）。</translation>
    </message>
    <message>
        <source>built-in: compiled into the kernel image (listed in modules.builtin). It has no reference count, is never loaded or unloaded, and its parameters live under /sys/module/&lt;name&gt;/parameters.</source>
        <translation>built-in（內建）：編譯進核心映像（列於 modules.builtin）。它沒有參考計數，從不載入或卸載，其參數位於 /sys/module/&lt;name&gt;/parameters。</translation>
    </message>
    <message>
        <source>The reference count lsmod shows as "Used": module_refcount(), the kernel's atomic counter minus the 1 it starts with. Every try_module_get() adds 1, every module_put() takes 1 away, and each module in "Used by" holds 1. delete_module() refuses to unload while it is above 0.</source>
        <translation>lsmod 中「Used」一欄顯示的參考計數：module_refcount()，即核心原子計數器減去初始的 1。每次 try_module_get() 加 1，每次 module_put() 減 1，「被依賴」中的每個模組各持有 1。只要它大於 0，delete_module() 就拒絕卸載。</translation>
    </message>
    <message>
        <source>The modules that use symbols this module exports (/sys/module/&lt;name&gt;/holders). Each holds one reference and has to be unloaded first. Open files, sockets and mounts also hold references but never appear here.</source>
        <translation>使用本模組匯出符號的模組（/sys/module/&lt;name&gt;/holders）。它們各持有一個參考，必須先被卸載。開啟的檔案、通訊端和掛載也會持有參考，但從不出現在這裡。</translation>
    </message>
    <message>
        <source>The modules whose exported symbols this module uses. Loading it loaded them first (modprobe follows modules.dep), and it holds one reference on each.</source>
        <translation>本模組所使用的匯出符號所屬的模組。載入本模組時會先載入它們（modprobe 依據 modules.dep），本模組對每個都持有一個參考。</translation>
    </message>
    <message>
        <source>Taint letters the module put on the kernel, as /sys/module/&lt;name&gt;/taint shows them: O out-of-tree, E unsigned, P proprietary licence, C staging driver.</source>
        <translation>模組給核心帶來的汙染標記，與 /sys/module/&lt;name&gt;/taint 所示相同：O 樹外模組，E 未簽章，P 專有授權條款，C staging 驅動程式。</translation>
    </message>
    <message>
        <source>module_load: the kernel has copied and linked a module and is about to run its init function (load_module()).</source>
        <translation>module_load：核心已複製並連結模組，即將執行其 init 函式（load_module()）。</translation>
    </message>
    <message>
        <source>module_free: the module's memory is being freed (free_module()), after rmmod or after its init failed. Its references are gone with it.</source>
        <translation>module_free：模組的記憶體正在被釋放（free_module()），發生在 rmmod 之後或 init 失敗之後。它的參考也隨之消失。</translation>
    </message>
    <message>
        <source>module_get: try_module_get() or __module_get() took a reference. ip is the caller, refcnt the count afterwards; an open() through the module's file_operations is the usual source.</source>
        <translation>module_get：try_module_get() 或 __module_get() 取得了一個參考。ip 是呼叫者，refcnt 是之後的計數；最常見的來源是經由模組 file_operations 的 open()。</translation>
    </message>
    <message>
        <source>module_put: module_put() gave a reference back. Every get should be matched by a put; a get without one is a leak.</source>
        <translation>module_put：module_put() 歸還了一個參考。每個 get 都應有對應的 put；沒有 put 的 get 就是洩漏。</translation>
    </message>
    <message>
        <source>module_request: the kernel asked user space to load a module by name or alias (request_module(), which runs modprobe), e.g. for an unknown socket family or file system type.</source>
        <translation>module_request：核心請求使用者空間按名稱或別名載入模組（request_module()，它會執行 modprobe），例如遇到未知的通訊端協定族或檔案系統類型時。</translation>
    </message>
    <message>
        <source>file: an open file whose file_operations belong to the module. open() took a reference and the last close() of that open file gives it back; dup() and fork() share it, so it is one reference however many fds point to it.</source>
        <translation>file（檔案）：一個開啟的檔案，其 file_operations 屬於該模組。open() 取得一個參考，該開啟檔案的最後一次 close() 將其歸還；dup() 和 fork() 共享它，因此無論有多少個 fd 指向它，都只算一個參考。</translation>
    </message>
    <message>
        <source>socket: a socket of a protocol family or protocol the module provides. It holds a reference until the socket is released, which can be after the process closed its fd.</source>
        <translation>socket（通訊端）：屬於該模組所提供的協定族或協定的通訊端。它一直持有參考，直到通訊端被釋放，而這可能發生在行程關閉其 fd 之後。</translation>
    </message>
    <message>
        <source>mount: a mounted file system of a type the module registered. The superblock holds the reference until the file system is unmounted.</source>
        <translation>mount（掛載）：已掛載的、類型由該模組註冊的檔案系統。超級區塊持有該參考，直到檔案系統被卸載。</translation>
    </message>
    <message>
        <source>module: another module that uses this module's exported symbols. It holds one reference until it is unloaded itself.</source>
        <translation>module（模組）：使用本模組匯出符號的另一個模組。它持有一個參考，直到它自己被卸載。</translation>
    </message>
    <message>
        <source>kthread: a kernel thread, or an object only the kernel keeps, holds the reference. No process can be killed to release it; usually the module itself has to let go.</source>
        <translation>kthread（核心執行緒）：由核心執行緒或只有核心儲存的物件持有該參考。無法透過結束某個行程來釋放它；通常只能由模組自己放手。</translation>
    </message>
    <message>
        <source>exact: RefScope's helper module read the owner pointer inside the kernel (the open file's f_op owner, the socket's or file system's owner), so this reference is certain.</source>
        <translation>exact（精確）：RefScope 的輔助模組在核心中讀取了 owner 指標（開啟檔案的 f_op owner、通訊端或檔案系統的 owner），因此這個參考是確定的。</translation>
    </message>
    <message>
        <source>inferred: matched from user space by a rule (device number through modules.alias, /proc/net/protocols, the file system type). Likely, but not read from the kernel itself.</source>
        <translation>inferred（推斷）：在使用者空間按規則匹配得出（透過 modules.alias 匹配裝置號、/proc/net/protocols、檔案系統類型）。可能性很大，但並非直接從核心讀取。</translation>
    </message>
    <message>
        <source>insmod</source>
        <translation>insmod</translation>
    </message>
    <message>
        <source>init runs holding a reference</source>
        <translation>init 在持有參考的情況下執行</translation>
    </message>
    <message>
        <source>do_init_module drops it</source>
        <translation>do_init_module 釋放該參考</translation>
    </message>
    <message>
        <source>live</source>
        <translation>live</translation>
    </message>
    <message>
        <source>gets and puts</source>
        <translation>get 與 put</translation>
    </message>
    <message>
        <source>delete_module</source>
        <translation>delete_module</translation>
    </message>
    <message>
        <source>free</source>
        <translation>釋放</translation>
    </message>
    <message>
        <source>insmod (or modprobe) hands the .ko file to finit_module(). The kernel checks its signature and version, links it against the symbols it needs and fires module_load.</source>
        <translation>insmod（或 modprobe）把 .ko 檔案交給 finit_module()。核心檢查其簽章和版本，連結它所需的符號，並觸發 module_load。</translation>
    </message>
    <message>
        <source>The module is "coming" and its init function runs. The loader holds one reference all the while, so the count reads 1 and nothing can unload it.</source>
        <translation>模組處於 "coming" 狀態，其 init 函式正在執行。載入者始終持有一個參考，因此計數為 1，任何操作都無法卸載它。</translation>
    </message>
    <message>
        <source>When init returns, do_init_module() drops the loader's reference (a module_put). If init failed, the module goes straight to "going" and is freed.</source>
        <translation>init 傳回後，do_init_module() 釋放載入者的參考（一次 module_put）。如果 init 失敗，模組直接進入 "going" 狀態並被釋放。</translation>
    </message>
    <message>
        <source>The module is "live" with a count of 0: it has registered its devices, protocols or file systems and waits for users.</source>
        <translation>模組處於 "live" 狀態，計數為 0：它已註冊自己的裝置、協定或檔案系統，等待使用者。</translation>
    </message>
    <message>
        <source>Each user takes a reference with try_module_get() (module_get) and gives it back with module_put() (module_put): opening a device file, creating a socket, mounting. The count is the number of references held right now.</source>
        <translation>每個使用者用 try_module_get()（module_get）取得參考，用 module_put()（module_put）歸還：開啟裝置檔案、建立通訊端、掛載都是如此。計數就是此刻被持有的參考數。</translation>
    </message>
    <message>
        <source>rmmod calls delete_module(). The kernel refuses (EBUSY) while another module uses it, while it is permanent or not live, or while the count is above 0; otherwise it marks it "going" and runs its exit function.</source>
        <translation>rmmod 呼叫 delete_module()。只要還有其他模組使用它、它是永久的或不處於 live 狀態、或者計數大於 0，核心就會拒絕（EBUSY）；否則核心將其標記為 "going" 並執行它的 exit 函式。</translation>
    </message>
    <message>
        <source>free_module() fires module_free, unlinks the module and gives its memory back. The name can be loaded again from scratch.</source>
        <translation>free_module() 觸發 module_free，解除模組的連結並歸還其記憶體。之後可以重新從頭載入同名模組。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads testmod and reads /proc/testmod-sample once.</source>
        <translation>選擇此場景並按一下「執行」：它會載入 testmod 並讀取一次 /proc/testmod-sample。</translation>
    </message>
    <message>
        <source>In the Modules table, select testmod: Refcount is 0 and Used by is empty.</source>
        <translation>在「模組」表中選擇 testmod：參考計數為 0，「被依賴」為空。</translation>
    </message>
    <message>
        <source>On the Timeline tab, the read leaves no module_get: the proc file's operations have no owner, so nothing is counted.</source>
        <translation>在「時間軸」分頁中，這次讀取沒有留下 module_get：proc 檔案的操作沒有 owner，所以不會計數。</translation>
    </message>
    <message>
        <source>Under Example modules, select testmod and click Unload: it unloads at once.</source>
        <translation>在「範例模組」下選擇 testmod 並按一下「卸載」：它會立即卸載。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: a process opens /dev/count_demo and keeps it open.</source>
        <translation>選擇此場景並按一下「執行」：一個行程開啟 /dev/count_demo 並保持開啟。</translation>
    </message>
    <message>
        <source>In the Modules table, select count_demo: Refcount is 2 while Used by stays empty.</source>
        <translation>在「模組」表中選擇 count_demo：參考計數為 2，而「被依賴」仍為空。</translation>
    </message>
    <message>
        <source>On the Timeline tab, find the two module_get events of the open(): one from the file's owner, one from the extra try_module_get().</source>
        <translation>在「時間軸」分頁中找到 open() 產生的兩個 module_get 事件：一個來自檔案的 owner，一個來自額外的 try_module_get()。</translation>
    </message>
    <message>
        <source>The Holders panel lists the sleep process with /dev/count_demo open.</source>
        <translation>「持有者」面板列出開啟著 /dev/count_demo 的 sleep 行程。</translation>
    </message>
    <message>
        <source>Click Unload under Example modules: it is refused as busy.</source>
        <translation>按一下「範例模組」下的「卸載」：因模組忙而被拒絕。</translation>
    </message>
    <message>
        <source>Click Stop: the file closes, two module_put events bring the count to 0 and Unload works.</source>
        <translation>按一下「停止」：檔案關閉，兩個 module_put 事件把計數降到 0，「卸載」即可成功。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: stuck-netlink-send sends one message and exits.</source>
        <translation>選擇此場景並按一下「執行」：stuck-netlink-send 傳送一條訊息後結束。</translation>
    </message>
    <message>
        <source>In the Modules table, select stuck_netlink: Refcount stays at 1 and Used by is empty.</source>
        <translation>在「模組」表中選擇 stuck_netlink：參考計數停留在 1，「被依賴」為空。</translation>
    </message>
    <message>
        <source>The Holders panel finds no process: the reference belongs to the module's kernel thread, which keeps the socket.</source>
        <translation>「持有者」面板找不到任何行程：這個參考屬於模組的核心執行緒，是它保留著通訊端。</translation>
    </message>
    <message>
        <source>On the Timeline tab, the module_get has no matching module_put.</source>
        <translation>在「時間軸」分頁中，這個 module_get 沒有對應的 module_put。</translation>
    </message>
    <message>
        <source>Click Unload: it stays refused for as long as the guest runs.</source>
        <translation>按一下「卸載」：只要虛擬機器在執行，就會一直被拒絕。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run, then Run again: each run writes "oops" to /proc/leaky_ref.</source>
        <translation>選擇此場景，按一下「執行」，再按一次「執行」：每次執行都會向 /proc/leaky_ref 寫入 "oops"。</translation>
    </message>
    <message>
        <source>In the Modules table, select leaky_ref: Refcount grows by 1 with every run.</source>
        <translation>在「模組」表中選擇 leaky_ref：每執行一次，參考計數加 1。</translation>
    </message>
    <message>
        <source>On the Timeline tab, each write shows a module_get without a module_put: the outstanding references point at the leaking call site.</source>
        <translation>在「時間軸」分頁中，每次寫入都顯示一個沒有 module_put 的 module_get：未歸還的參考指向發生洩漏的呼叫位置。</translation>
    </message>
    <message>
        <source>Click Unload: it is refused, and nothing short of a reboot brings the count down.</source>
        <translation>按一下「卸載」：被拒絕，除了重啟，沒有辦法讓計數降下來。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads no_exit.</source>
        <translation>選擇此場景並按一下「執行」：它會載入 no_exit。</translation>
    </message>
    <message>
        <source>In the Modules table, select no_exit: Refcount is 0, Used by is empty, and Permanent says yes.</source>
        <translation>在「模組」表中選擇 no_exit：參考計數為 0，「被依賴」為空，「永久」顯示為是。</translation>
    </message>
    <message>
        <source>Click Unload: it is refused, because a module without an exit function can never be unloaded.</source>
        <translation>按一下「卸載」：被拒絕，因為沒有 exit 函式的模組永遠無法卸載。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: insmod starts slow_init, whose init sleeps.</source>
        <translation>選擇此場景並按一下「執行」：insmod 啟動 slow_init，其 init 會休眠。</translation>
    </message>
    <message>
        <source>In the Modules table, select slow_init: State is coming and Refcount is 1, the loader's reference.</source>
        <translation>在「模組」表中選擇 slow_init：狀態為 coming，參考計數為 1，即載入者的參考。</translation>
    </message>
    <message>
        <source>On the Timeline tab, module_load comes first; the module_put of do_init_module() comes only when init returns.</source>
        <translation>在「時間軸」分頁中，module_load 最先出現；do_init_module() 的 module_put 要等 init 傳回後才出現。</translation>
    </message>
    <message>
        <source>Click Stop to interrupt insmod and watch the module disappear, or wait until it becomes live with a count of 0.</source>
        <translation>按一下「停止」中斷 insmod，觀察模組消失；或者等待它變為 live，計數為 0。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: it loads export_provider, then export_consumer.</source>
        <translation>選擇此場景並按一下「執行」：它先載入 export_provider，再載入 export_consumer。</translation>
    </message>
    <message>
        <source>In the Modules table, select export_provider: Refcount is 1 and Used by lists export_consumer.</source>
        <translation>在「模組」表中選擇 export_provider：參考計數為 1，「被依賴」列出 export_consumer。</translation>
    </message>
    <message>
        <source>On the Graph tab, the arrow from export_consumer to export_provider is that reference; the Holders panel lists it as a module.</source>
        <translation>在「相依圖」分頁中，從 export_consumer 指向 export_provider 的箭頭就是這個參考；「持有者」面板把它列為模組。</translation>
    </message>
    <message>
        <source>Unload export_provider: refused. Unload export_consumer first, then export_provider unloads.</source>
        <translation>卸載 export_provider：被拒絕。先卸載 export_consumer，之後 export_provider 就能卸載。</translation>
    </message>
    <message>
        <source>Select this scenario and click Run: processes open /dev/loop-control, /dev/net/tun and /dev/fuse.</source>
        <translation>選擇此場景並按一下「執行」：幾個行程分別開啟 /dev/loop-control、/dev/net/tun 和 /dev/fuse。</translation>
    </message>
    <message>
        <source>In the Modules table, select loop, tun and fuse in turn: each Refcount is above 0 and Used by is empty.</source>
        <translation>在「模組」表中依次選擇 loop、tun 和 fuse：它們的參考計數都大於 0，「被依賴」為空。</translation>
    </message>
    <message>
        <source>The Holders panel names each process and the device file it holds; on the Timeline tab each open() is a module_get.</source>
        <translation>「持有者」面板列出每個行程及其持有的裝置檔案；在「時間軸」分頁中，每次 open() 都是一個 module_get。</translation>
    </message>
    <message>
        <source>Click Stop: the files close, module_put events follow and the counts go back to 0.</source>
        <translation>按一下「停止」：檔案關閉，隨後出現 module_put 事件，計數回到 0。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A lifecycle step's title (%1, in bold) and its explanation (%2).</extracomment>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>traffic control: a queueing discipline, a classifier or an action set up with tc on a network device. Each one holds a reference on its module until it is deleted, whether or not any process is still running.</source>
        <translation>流量控制：用 tc 在網路裝置上設定的排隊規則（qdisc）、分類器或動作。每一個都持有其模組的一個參考，直到被刪除，無論是否還有行程在執行。</translation>
    </message>
    <message>
        <source>netfilter: an nftables or iptables-nft rule whose expression, match or target lives in the module, or a base chain of the module's type. Each holds a reference until the rule or chain is deleted.</source>
        <translation>netfilter：其運算式、比對或目標位於該模組中的 nftables 或 iptables-nft 規則，或該模組類型的基礎鏈。每一個都持有一個參考，直到規則或鏈被刪除。</translation>
    </message>
    <message>
        <source>crypto: users of a crypto algorithm the module registered: AF_ALG sockets, dm-crypt, IPsec, or algorithms built on it. Each user holds a reference on the module until it frees its transform.</source>
        <translation>加密：該模組註冊的加密演算法的使用者：AF_ALG 通訊端、dm-crypt、IPsec 或基於它建置的演算法。每個使用者都持有模組的一個參考，直到釋放其轉換（transform）。</translation>
    </message>
    <message>
        <source>swap: a swap area on a block device of the module's driver (a loop device, a disk). The kernel keeps the device open until swapoff.</source>
        <translation>交換空間：位於該模組驅動程式的區塊裝置（loop 裝置、磁碟）上的交換區。核心會一直開啟該裝置，直到 swapoff。</translation>
    </message>
    <message>
        <source>BPF: fentry, fexit or fmod_ret programs attached to one of the module's functions. Their trampoline holds a reference until the last of them is detached: its links closed or unpinned.</source>
        <translation>BPF：附加到該模組某個函式上的 fentry、fexit 或 fmod_ret 程式。它們的跳板（trampoline）持有一個參考，直到最後一個程式被分離：其連結被關閉或取消固定。</translation>
    </message>
    <message>
        <source>The Holders panel finds no holder: the references are unattributed. The timeline's outstanding gets prove the leak: leaky_ref took them on itself and never put them back.</source>
        <translation>持有者面板找不到持有者：這些參考未歸屬。時間軸中未歸還的取得證明了洩漏：leaky_ref 替自己取得了它們且從未歸還。</translation>
    </message>
    <message>
        <source>TCP congestion control: TCP sockets using the module's congestion control (bbr, htcp, ...), and network namespaces whose default it is. Each socket holds a reference until it is closed, each default until it is changed.</source>
        <translation>TCP 壅塞控制：使用該模組的壅塞控制（bbr、htcp 等）的 TCP 通訊端，以及以它為預設值的網路命名空間。每個通訊端在關閉前持有一個參考，每個預設值在被變更前持有一個參考。</translation>
    </message>
    <message>
        <source>I/O scheduler: a disk's request queue uses the module's scheduler (bfq, kyber, mq-deadline). The queue holds a reference until another scheduler is chosen for it.</source>
        <translation>I/O 排程器：某個磁碟的請求佇列使用了該模組的排程器（bfq、kyber、mq-deadline）。該佇列持有一個參考，直到為它選擇了其他排程器。</translation>
    </message>
    <message>
        <source>NLS table: a mounted filesystem (vfat, exfat, iso9660, ...) translates file names with the module's character set table. It holds a reference until it is unmounted.</source>
        <translation>NLS 字元表：已掛載的檔案系統（vfat、exfat、iso9660 等）用該模組的字元集表轉換檔名。它持有一個參考，直到檔案系統被取消掛載。</translation>
    </message>
    <message>
        <source>loop backing device: a loop device whose backing file is a block device of the module's driver keeps that device open until it is detached.</source>
        <translation>loop 後端裝置：後端檔案是該模組驅動程式的區塊裝置的 loop 裝置會一直開啟該裝置，直到它被分離。</translation>
    </message>
    <message>
        <source>device-mapper: a mapped device's table uses a target type of the module (flakey, crypt, delay, ...) or keeps a device of the module's driver open. It holds the references until the mapped device is removed.</source>
        <translation>device-mapper：映射裝置的映射表使用了該模組的目標類型（flakey、crypt、delay 等），或一直開啟著該模組驅動程式的裝置。它持有這些參考，直到映射裝置被移除。</translation>
    </message>
    <message>
        <source>md array: a software RAID array runs the module's personality (raid1, raid456, ...) or keeps a member device of the module's driver open. It holds the references until the array is stopped.</source>
        <translation>md 陣列：軟體 RAID 陣列執行該模組的 personality（raid1、raid456 等），或使該模組驅動程式的成員裝置保持開啟。在陣列停止之前，它一直持有這些參考。</translation>
    </message>
    <message>
        <source>io_uring: a process registered a file of the module (a device) with its io_uring. The ring keeps the file open after the process closed its fd, until the ring is closed or the process ends.</source>
        <translation>io_uring：某行程把該模組的檔案（裝置）註冊到其 io_uring。即使行程關閉了自己的 fd，該 ring 仍使檔案保持開啟，直到 ring 關閉或行程結束。</translation>
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
        <translation>遺失的事件</translation>
    </message>
    <message>
        <source>Wheel: zoom · drag: pan · Shift+drag: zoom to a band · click: marker A · right-click: marker B · double-click: whole recording</source>
        <translation>滾輪：縮放 · 拖動：平移 · Shift+拖動：縮放到選定區間 · 按一下：標記 A · 按右鍵：標記 B · 按兩下：整段錄製</translation>
    </message>
    <message>
        <source>Time (s)</source>
        <translation>時間（秒）</translation>
    </message>
    <message>
        <source>References (lsmod)</source>
        <translation>參考數（lsmod）</translation>
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
        <translation>%1 的參考計數（%2）</translation>
    </message>
    <message>
        <source>RefScope timeline: each module's reference count (lsmod's number) from %1 s to %2 s of the recording %3.</source>
        <translation>RefScope 時間線：錄製檔 %3 從 %1 秒到 %2 秒期間各模組的參考計數（lsmod 顯示的數值）。</translation>
    </message>
    <message>
        <source>Cannot write %1</source>
        <translation>無法寫入 %1</translation>
    </message>
    <message>
        <source>Cannot write %1 as PNG</source>
        <translation>無法將 %1 寫為 PNG</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>無法寫入 %1：%2</translation>
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
        <translation>未歸還的參考</translation>
    </message>
    <message>
        <source>Whole recording</source>
        <translation>整段錄製</translation>
    </message>
    <message>
        <source>Zoom out to the whole recording (or double-click the chart)</source>
        <translation>縮小到整段錄製（或按兩下圖表）</translation>
    </message>
    <message>
        <source>Clear markers</source>
        <translation>清除標記</translation>
    </message>
    <message>
        <source>OpenGL</source>
        <translation>OpenGL</translation>
    </message>
    <message>
        <source>Draw the curves with OpenGL (faster on a large screen; needs a GPU)</source>
        <translation>用 OpenGL 繪製曲線（大螢幕上更快；需要 GPU）</translation>
    </message>
    <message>
        <source>Open trace…</source>
        <translation>開啟追蹤記錄…</translation>
    </message>
    <message>
        <source>Export events as CSV…</source>
        <translation>將事件匯出為 CSV…</translation>
    </message>
    <message>
        <source>Export chart…</source>
        <translation>匯出圖表…</translation>
    </message>
    <message>
        <source>Save the chart as it is shown, as PNG or SVG</source>
        <translation>將目前顯示的圖表儲存為 PNG 或 SVG</translation>
    </message>
    <message>
        <source>Open a recording</source>
        <translation>開啟錄製檔案</translation>
    </message>
    <message>
        <source>Export events as CSV</source>
        <translation>將事件匯出為 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 檔案 (*.csv)</translation>
    </message>
    <message>
        <source>Export the chart</source>
        <translation>匯出圖表</translation>
    </message>
    <message>
        <source>PNG images (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG 影像 (*.png);;SVG 向量圖 (*.svg)</translation>
    </message>
    <message>
        <source>No recording yet.
Open a trace.dat (trace-cmd record -e module) or a RefScope session file, or start a capture.</source>
        <translation>還沒有錄製。
請開啟 trace.dat（trace-cmd record -e module）或 RefScope 工作階段檔案，或開始擷取。</translation>
    </message>
    <message>
        <source>Open a trace.dat (trace-cmd record -e module) or a RefScope session file</source>
        <translation>開啟 trace.dat（trace-cmd record -e module）或 RefScope 工作階段檔案</translation>
    </message>
    <message>
        <source>Every module</source>
        <translation>所有模組</translation>
    </message>
    <message>
        <source>Chart every module of the recording, not only the selected one</source>
        <translation>在圖表中顯示錄製中的所有模組，而不僅是所選模組</translation>
    </message>
    <message>
        <source>Lanes</source>
        <translation>分道</translation>
    </message>
    <message>
        <source>One lane per module, each to its own scale; off: every curve on one count axis</source>
        <translation>每個模組一條分道，各自依自己的刻度；關閉時所有曲線共用一個計數軸</translation>
    </message>
    <message>
        <source>Discard the capture?</source>
        <translation>捨棄此次擷取？</translation>
    </message>
    <message numerus="yes">
        <source>The capture has not been saved: %1 discards its %n event(s). Save it first with File → Save session…, or discard it.</source>
        <translation>
            <numerusform>此次擷取尚未儲存：%1將捨棄其 %n 個事件。請先用「檔案 → 儲存工作階段…」儲存，或者捨棄它。</numerusform>
        </translation>
    </message>
    <message>
        <source>Discard the capture</source>
        <translation>捨棄此次擷取</translation>
    </message>
    <message>
        <source>opening %1</source>
        <translation>開啟 %1</translation>
    </message>
    <message>
        <source>Export events…</source>
        <translation>匯出事件…</translation>
    </message>
    <message>
        <source>Save the events as a JSON trace that Perfetto (ui.perfetto.dev) and chrome://tracing open: a reference count track per module and the gets and puts</source>
        <translation>將事件儲存為 Perfetto（ui.perfetto.dev）和 chrome://tracing 可開啟的 JSON 追蹤：每個模組一條參考計數軌道，以及各次 get 和 put</translation>
    </message>
    <message>
        <source>Export events for Perfetto</source>
        <translation>為 Perfetto 匯出事件</translation>
    </message>
    <message>
        <source>JSON traces (*.json)</source>
        <translation>JSON 追蹤 (*.json)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>停止</translation>
    </message>
    <message>
        <source>Stop the capture before exporting its events.</source>
        <translation>請先停止擷取，再匯出其事件。</translation>
    </message>
    <message>
        <source>Exporting the events to %1…</source>
        <translation>正在將事件匯出到 %1…</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>The capture of %2 has not been saved: %1 discards its %n event(s). Show %2 and save it first with File → Save session…, or discard it.</source>
        <translation>
            <numerusform>%2 的擷取尚未儲存：%1將捨棄其 %n 個事件。請先顯示 %2 並用「檔案 → 儲存工作階段…」儲存，或者捨棄它。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>refscope::TraceFile</name>
    <message>
        <source>loading cancelled</source>
        <translation>已取消載入</translation>
    </message>
    <message>
        <source>CPU %1 %2</source>
        <translation>CPU %1 %2</translation>
    </message>
    <message>
        <source>has corrupt compressed data</source>
        <translation>包含損壞的壓縮資料</translation>
    </message>
    <message>
        <source>has a corrupt ring-buffer page</source>
        <translation>包含損壞的環形緩衝區頁</translation>
    </message>
    <message>
        <source>has a corrupt event</source>
        <translation>包含損壞的事件</translation>
    </message>
    <message>
        <source>the recording has no module events (record them with trace-cmd record -e module)</source>
        <translation>該錄製檔中沒有模組事件（請用 trace-cmd record -e module 記錄）</translation>
    </message>
    <message>
        <source>%1: no such file</source>
        <translation>%1：沒有這個檔案</translation>
    </message>
    <message>
        <source>%1: not a regular file</source>
        <translation>%1：不是普通檔案</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>%1: the file is empty</source>
        <translation>%1：檔案為空</translation>
    </message>
    <message>
        <source>%1: not a trace-cmd data file (trace.dat)</source>
        <translation>%1：不是 trace-cmd 資料檔案（trace.dat）</translation>
    </message>
    <message>
        <source>%1: trace.dat version %2 is not supported (6 and 7 are)</source>
        <translation>%1：不支援 trace.dat 版本 %2（支援 6 和 7）</translation>
    </message>
    <message>
        <source>%1: the file ends inside its header</source>
        <translation>%1：檔案在檔案頭內部就結束了</translation>
    </message>
    <message>
        <source>%1: the trace.dat header is corrupt</source>
        <translation>%1：trace.dat 檔案頭已損壞</translation>
    </message>
    <message>
        <source>the header's page size is corrupt</source>
        <translation>檔案頭中的頁大小已損壞</translation>
    </message>
    <message>
        <source>the file holds no ring-buffer data</source>
        <translation>檔案中沒有環形緩衝區資料</translation>
    </message>
    <message>
        <source>the ring-buffer header description is corrupt</source>
        <translation>環形緩衝區頭部描述已損壞</translation>
    </message>
    <message>
        <source>the event formats are corrupt</source>
        <translation>事件格式已損壞</translation>
    </message>
    <message>
        <source>CPU %1's data lies outside the file</source>
        <translation>CPU %1 的資料位於檔案範圍之外</translation>
    </message>
    <message>
        <source>CPU %1's table of compressed chunks is corrupt</source>
        <translation>CPU %1 的壓縮塊表已損壞</translation>
    </message>
    <message>
        <source>the symbol, printk or command-line tables are corrupt</source>
        <translation>符號表、printk 表或命令列表已損壞</translation>
    </message>
    <message>
        <source>the options or the CPU count are corrupt</source>
        <translation>選項或 CPU 數量已損壞</translation>
    </message>
    <message>
        <source>the file names no known kind of trace data</source>
        <translation>檔案未註明任何已知型別的追蹤資料</translation>
    </message>
    <message>
        <source>the table of CPU data is truncated</source>
        <translation>CPU 資料表已截斷</translation>
    </message>
    <message>
        <source>section %1 is corrupt or truncated</source>
        <translation>段 %1 已損壞或被截斷</translation>
    </message>
    <message>
        <source>compressed section %1 is corrupt</source>
        <translation>壓縮段 %1 已損壞</translation>
    </message>
    <message>
        <source>compressed section %1 does not decompress</source>
        <translation>壓縮段 %1 無法解壓</translation>
    </message>
    <message>
        <source>an options section ends badly</source>
        <translation>某個選項段結尾異常</translation>
    </message>
    <message>
        <source>section %1 is corrupt</source>
        <translation>段 %1 已損壞</translation>
    </message>
    <message>
        <source>the command lines are corrupt</source>
        <translation>命令列表已損壞</translation>
    </message>
    <message>
        <source>a buffer description is corrupt</source>
        <translation>某個緩衝區描述已損壞</translation>
    </message>
    <message>
        <source>an options section is truncated</source>
        <translation>某個選項段被截斷</translation>
    </message>
    <message>
        <source>the header is truncated</source>
        <translation>檔案頭被截斷</translation>
    </message>
    <message>
        <source>compression "%1" is not supported (zstd is)</source>
        <translation>不支援壓縮方式“%1”（支援 zstd）</translation>
    </message>
    <message>
        <source>the options sections loop</source>
        <translation>選項段形成了迴圈</translation>
    </message>
    <message>
        <source>the recording holds no module events</source>
        <translation>該錄製檔中沒有模組事件</translation>
    </message>
    <message>
        <source>%1: libtracecmd cannot read this trace file</source>
        <translation>%1：libtracecmd 無法讀取此追蹤檔案</translation>
    </message>
    <message>
        <source>%1: the trace file names no CPU</source>
        <translation>%1：追蹤檔案未註明任何 CPU</translation>
    </message>
    <message>
        <source>an options section</source>
        <translation>一個選項區段</translation>
    </message>
    <message>
        <source>the ring-buffer header section</source>
        <translation>環形緩衝區標頭區段</translation>
    </message>
    <message>
        <source>the ftrace event formats section</source>
        <translation>ftrace 事件格式區段</translation>
    </message>
    <message>
        <source>the event formats section</source>
        <translation>事件格式區段</translation>
    </message>
    <message>
        <source>the kernel symbols section</source>
        <translation>核心符號區段</translation>
    </message>
    <message>
        <source>the printk formats section</source>
        <translation>printk 格式區段</translation>
    </message>
    <message>
        <source>the command lines section</source>
        <translation>命令列區段</translation>
    </message>
    <message>
        <source>section %1</source>
        <translation>區段 %1</translation>
    </message>
    <message>
        <source>%1 would take more memory than a file of %2 KiB can need (%3 MiB in all): the file is corrupt or crafted</source>
        <translation>%1 所需的記憶體超過 %2 KiB 的檔案可能需要的量（總計 %3 MiB）：檔案已損毀或是被刻意構造的</translation>
    </message>
    <message>
        <source>CPU %1's data overlaps CPU %2's</source>
        <translation>CPU %1 的資料與 CPU %2 的資料重疊</translation>
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
        <translation>CPU %1 的壓縮區塊表</translation>
    </message>
    <message>
        <source>CPU %1's compressed chunks</source>
        <translation>CPU %1 的壓縮區塊</translation>
    </message>
    <message>
        <source>CPU %1's compressed chunks would decompress to more than a file of %2 KiB can hold (%3 MiB of pages in all): the file is corrupt or crafted</source>
        <translation>CPU %1 的壓縮區塊解壓後超過 %2 KiB 的檔案可能容納的量（總計 %3 MiB 的頁面）：檔案已損毀或是被刻意構造的</translation>
    </message>
    <message>
        <source>the module event formats are corrupt</source>
        <translation>module 事件的格式已損毀</translation>
    </message>
    <message>
        <source>%1 changed since it was loaded</source>
        <translation>%1 在載入之後已被更動</translation>
    </message>
</context>
<context>
    <name>refscope::WindowSettings</name>
    <message>
        <source>&amp;File</source>
        <translation>檔案(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>設定(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>結束(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>檢視(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>說明(&amp;H)</translation>
    </message>
    <message>
        <source>How a &amp;module lives…</source>
        <translation>模組的生命週期(&amp;M)…</translation>
    </message>
    <message>
        <source>&amp;About RefScope</source>
        <translation>關於 RefScope(&amp;A)</translation>
    </message>
    <message>
        <source>How a module lives</source>
        <translation>模組的生命週期</translation>
    </message>
    <message>
        <source>About RefScope</source>
        <translation>關於 RefScope</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;RefScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Shows why a Linux kernel module cannot be unloaded: its reference count over time, who holds it, and how to let it go safely.&lt;/p&gt;&lt;p&gt;License: GPL-3.0-or-later (the kernel modules: GPL-2.0).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;RefScope %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;顯示 Linux 核心模組為什麼無法卸載：它的參考計數如何隨時間變化、誰持有它，以及如何安全地釋放它。&lt;/p&gt;&lt;p&gt;授權條款：GPL-3.0-or-later（核心模組：GPL-2.0）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No longer on disk, removed from the recent files: %1</source>
        <translation>已不在磁碟上，已從最近檔案中移除：%1</translation>
    </message>
</context>
</TS>
