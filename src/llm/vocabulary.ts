/**
 * Word lists of the free-prose checks (src/llm/prose.ts). Free prose may
 * explain and advise; it may not carry data. These are the English words that
 * carry data without a digit: quantities, units, dates, directions and
 * comparisons, verdicts, causes. Lower case; hyphenated words are checked
 * whole and part by part.
 */

const words = (text: string) => new Set(text.trim().split(/\s+/));

/** Quantities written out: "three times", "halved", "a dozen", "twofold". */
export const NUMBER_WORDS = words(`
  zero two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen
  eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands
  million millions billion billions trillion trillions dozen dozens half halves halved halve halving
  double doubled doubles doubling triple tripled triples tripling quadruple quadrupled quadruples twice thrice
  twofold threefold fourfold fivefold tenfold hundredfold manyfold couple pair magnitude percent percentage
  quintuple quintupled quintuples sextuple sextupled septuple octuple fraction tithe umpteen
  percentages quarter quarters third thirds fourth fifth sixth seventh eighth ninth tenth
  hundredth thousandth eleventh twelfth twentieth thirtieth fortieth fiftieth sixtieth seventieth eightieth ninetieth
`);

/** "double-check" is not a quantity. */
export const NUMBER_WORD_EXCEPTIONS = words('double-check double-checked double-checking third-party');

/** Units and unit-like words: the report writes units from the facts. */
export const UNIT_WORDS = words(`
  ms msec msecs millisecond milliseconds sec secs second seconds minute minutes min mins hour hours hr hrs
  ns nanosecond nanoseconds microsecond microseconds tok toks tps qps rps rpm req reqs gb gib mb mib kb kib tb tib
  gigabyte gigabytes megabyte megabytes kilobyte kilobytes terabyte terabytes bytes watt watts kw kwh hz mhz ghz
  flops gflops tflops pflops celsius fahrenheit degrees bps kbps mbps gbps pp x millis micros nanos gigs megs
`);

/** A unit written as a phrase. */
export const UNIT_PHRASES = [/\bper (second|sec|minute|hour|token|request|call)\b/i, /\bper[ -]cent\b/i, /\b(a few|several|some|many|a couple of|a handful of) (percentage |basis )?points\b/i, /\bbasis points?\b/i];

/** Dates and times: the report is dated by code. */
export const DATE_WORDS = words(`
  january february march april june july august september october november december jan feb apr jun jul aug sep sept oct nov dec
  monday tuesday wednesday thursday friday saturday sunday today yesterday tomorrow tonight week weeks weekly month months monthly
  year years yearly annual quarterly decade decades recently lately
`);

/** Directions, comparisons and judgements of size: the checked claims say those. */
export const DIRECTION_WORDS = words(`
  improved improves improving improvement improvements regress regressed regresses regressing regression regressions
  faster fastest slower slowest quicker quickest speedup speedups slowdown slowdowns higher highest lower lowest
  better best worse worst greater greatest larger largest bigger biggest smaller smallest longer longest shorter shortest
  increased increases increasing decreased decreases decreasing rise rose rises risen rising fall fell falls fallen falling
  drop dropped drops dropping gain gained gains gaining lose lost loses losing loss losses grew grows growing growth
  shrank shrinks shrinking decline declined declines declining degrade degraded degrades degrading degradation
  boosted boosts jump jumped jumps spike spiked spikes surge surged surges plunge plunged plunges climb climbed climbs
  outperform outperformed outperforms outperforming underperform underperformed underperforms underperforming
  beat beats beating lead leads leading led lags lag lagging trails trail trailing behind ahead exceed exceeds exceeded exceeding
  above below stable steady steadily unstable unchanged flat noisy volatile jittery held
  significant significantly insignificant negligible marginal marginally slight slightly dramatic dramatically substantial
  substantially considerable considerably noticeable noticeably massive massively huge tiny sharp sharply steep steeply
  fast slow quick quickly slowly high low top bottom peak peaks maximum minimum optimal optimum superior inferior
  win wins won winner winners loser losers advantage disadvantage cheaper costlier similar comparable identical equal equals
  equivalent parity matches excellent impressive poor poorly strong weak healthy unhealthy alarming concerning worrying
  acceptable unacceptable disappointing outstanding remarkable remarkably superb scales scaled
  reduced reduces reducing reduction reductions raised raises raising lowered lowers lowering cuts
  sped speeds speeding speedier speediest snappier snappiest swifter swiftest zippier sluggish laggard laggards
  slowpoke slowed slowing slows recovered recovers recovering recovery regained stayed stays remained remains moved
  outpace outpaces outpaced outpacing edges edged ranks ranked tops topped trumps dominates dominated
  inefficient heavier lighter pricier sooner earlier shortens shortened lengthens lengthened
  hurts hurting harms harmed penalty leader leaders underwhelms underwhelmed underwhelming
  soar soars soared soaring plummet plummets plummeted plummeting tanked tanking balloon balloons ballooned ballooning
  skyrocket skyrockets skyrocketed skyrocketing dip dips dipped dipping slip slips slipped slipping sagged sags
  widen widens widened widening narrowed worsen worsens worsened worsening deteriorate deteriorates deteriorated deteriorating
  lagged beaten bested surpass surpasses surpassed surpassing overtake overtakes overtook overtaken overtaking
  eclipse eclipses eclipsed outstrip outstrips outstripped excel excels excelled excelling struggle struggles struggled struggling
  trounce trounces trounced slash slashes slashed shaved crashed collapsed backwards alike indistinguishable
  standout standouts front-runner front-runners frontrunner frontrunners
  unmatched unbeatable unbeaten unrivalled unrivaled unparalleled outclass outclasses outclassed safer safest riskier riskiest
  nosedive nosedives nosedived nosediving crept creeping runner-up commanding interchangeable
`);

/**
 * Superlatives end in -est; these words only look like one ("the latest run",
 * "the rest", "the request"). Any other "the …est" ranks something.
 */
export const NOT_SUPERLATIVES = words('test tests request requests latest rest interest digest guest contest harvest forest manifest quest conquest honest modest earnest nest chest west protest suggest invest arrest');

/** "up" and "down" state a direction, except in these phrasal verbs and nouns ("set up", "warm-up", "break down"). */
export const PHRASAL_UP_DOWN = words('set sets setting warm warming follow following look looking back backing break breaking write sum line pick pin spin spun wind shut tear tie tidy start starting bring build keep catch clean cleaning sign ramp ramps ramping show shows cool cooling lock drill narrow free track');

/** Verbs a sentence of advice starts with: "Run more samples", "Use fewer layers". */
export const ADVICE_VERBS = words(`
  keep run rerun re-run repeat pin track measure add use prefer serve check compare record review confirm validate verify
  watch monitor profile test try benchmark collect gather capture report document log store split separate label tag discard
  exclude include schedule set fix freeze lock warm start stop avoid consider investigate examine inspect look read write note
  treat choose pick select switch move batch cache reuse limit cap size tune adjust retain plan allocate reserve dedicate
  isolate evaluate score sample average aggregate reproduce replicate standardise standardize normalise normalize ensure make
  give take wait allow enable upgrade update retest re-test quantify quantize quantise compile call bisect extend audit revisit
  revert retry instrument trace alert decide find spend budget
`);

/** Other words advice starts with: "Agree on a naming scheme", "Do not merge…" is caught by its verdict word. */
export const ADVICE_STARTS = words(`
  agree do don't never always only prefer serve look keep aim favour favor reserve expect plan turn get put mark flag
  group filter flush clear restart reboot disable rebuild recompile rebalance reorder randomise randomize shuffle interleave alternate stagger bind
`);

/** "more", "less", "fewer": a comparison, unless advice asks for more of what a test needs. */
export const AMOUNT_WORDS = words('more less fewer');
/** What "more" may ask for outside an imperative sentence ("so more runs are needed"). */
export const AMOUNT_OBJECTS = words('runs samples repetitions repeats data measurements replicates evidence trials iterations work detail care prompts warm-up hosts machines configurations seeds');

/** Base forms allowed where they give advice ("Reduce the batch", "to improve"), not where they state a result. */
export const IMPERATIVE_FORMS = words('improve increase decrease reduce raise lower boost cut grow shrink shorten lengthen hurt harm');

/** Phrases of comparison without a listed word. */
export const COMPARISON_PHRASES = [
  /\bthan\b/i, /\bon par\b/i, /\bas (fast|slow|good|bad|high|low) as\b/i, /\bby an? (wide|large|small|narrow|big|huge|slim|thin|clear) margin\b/i,
  // "gives compiled its edge", "an edge over eager"; not "at the edge of the budget".
  /\bits edge\b/i, /\ban? edge (over|on)\b/i,
  // "answers before X does"; not "before you do".
  /\b(before|after) (?!(?:you|we|they|anyone|someone|it)\b)\S+ (does|did)\b/i,
  // Sameness is a comparison too: "are the same", "on a par", "as efficient as", "level with", "keeps pace".
  /\bon a par\b/i, /\bas (?!(?:well|soon|long|far|often)\b)\p{L}+ as\b(?! (?:possible|needed|necessary|practical|usual|before)\b)/iu, /\blevel with\b/i, /\b(keeps?|kept|keeping) pace\b/i,
  // Rank without a listed word: "comes first", "in first place", "number one", "the upper hand", "took a hit".
  /\b(comes?|came|coming|finish(es|ed)?|ends?|ended|placed?) (first|last)\b/i, /\b(first|last|top|bottom) place\b/i, /\bnumber one\b/i,
  /\bupper hand\b/i, /\bweak(est)? link\b/i, /\b(takes?|took|taking) a (hit|beating|knock)\b/i, /\bfrom (good|bad|fine|poor|great|ok|okay) to\b/i,
  // Idioms of rank and distance: "on another level", "not even close", "a step back", "pulled away", "opened a gap".
  /\b(on|at) (another|a different|its own) (level|league)\b/i, /\bleague of (its|their) own\b/i, /\bin the dust\b/i, /\bblow(s|ing|n)?\b.{0,30}\baway\b/i, /\bblew\b.{0,30}\baway\b/i,
  /\bnot (even )?close\b/i, /\bcan(not|'t| not) compete\b/i, /\b(step|steps|stepped) (back|backward|backwards|forward|forwards)\b/i, /\bleap(s|t|ed)? (forward|ahead)\b/i,
  /\bpull(s|ed|ing)? away\b/i, /\bopen(s|ed|ing)? (up )?an? (gap|lead)\b/i, /\bg(ive|ives|ave|iving) way\b/i,
  /\bcatch-?up\b/i, /\bbounc(e|es|ed|ing) back\b/i, /\bwip(e|es|ed|ing) the floor\b/i, /\bneck and neck\b/i, /\b(is|are|was|were) tied\b/i, /\b(takes?|took|taking) the (crown|lead|cake)\b/i,
  /\b(is|are|was|were) king\b/i, /\bin a (blink|flash|heartbeat)\b/i, /\btak(e|es|ing) ages\b/i, /\bno (real |clear |visible )?(gap|difference)\b/i, /\bnotch (below|above|behind|ahead)\b/i,
];
/**
 * Comparisons that only a sentence stating something makes: in advice they
 * set a condition or ask for a state ("Use compiled when the batch is
 * large", "Make sure the prompts are the same for every backend").
 */
export const COMPARISON_STATEMENTS = [
  /\b(is|are|was|were|looks?|seems?|performs?|behaves?)( \p{L}+ly)? (the same|level|even)\b(?!\s+(?!(?:as|across|for|on|in|with|between)\b)\p{L})/iu,
  /\b(is|are|was|were) (first|last)\b/i,
  // A size judged without a number: "the result is minor", "the gap is large".
  /\b(is|are|was|were|looks?|seems?)( \p{L}+ly)? (minor|small|large|big|modest|tiny|major|minimal|trivial|sizeable|sizable|notable|serious|wide|narrow)\b(?!\s+\p{L})/iu,
  /\b(is|are|was|were|falls?|fell|comes?|came) (just |well |far |a little |a bit )?short of\b/i,
];

/** "rather than" and "other than" compare nothing. */
export const COMPARISON_EXCEPTIONS = [/\b(rather|other) than\b/gi];

/**
 * Technical terms that hold a listed word without stating a result ("peak
 * memory", "held-out set", "warm-up pass", "failed requests"): taken out of
 * the text before the verdict, cause and direction words are looked for.
 */
export const TERM_EXCEPTIONS = [
  /\bheld-out\b/gi, /\bpeak (memory|vram|usage|power|load)\b/gi, /\bsteady[- ]state\b/gi, /\btop-[kp]\b/gi, /\bboost clocks?\b/gi,
  /\bedge[- ]cases?\b/gi, /\bnoisy neighbou?rs?\b/gi, /\bdropped requests?\b/gi, /\bgain confidence\b/gi, /\btake advantage of\b/gi,
  /\bmax(imum)? context( length)?\b/gi, /\bearlier (runs|sweeps|measurements)\b/gi, /\bmore than once\b/gi,
  /\b(warm-up|warmup|forward|prefill|decode) pass(es)?\b/gi, /\bfailed requests?\b/gi, /\b(out-of-memory|request) failures?\b/gi, /\bblock size\b/gi,
  /\bremains to be seen\b/gi, /\bthe ranks of\b/gi, /\b(which|where|what)(\s+\S+){0,4}\s+(comes?|came) from\b/gi,
];

/** Words of state that advice may ask for ("Make sure the clock stays fixed", "Check the host is up"); `more`/`less` are AMOUNT_WORDS'. */
export const ADVICE_STATE_WORDS = words('stays stay remains remain up down');

/** The gate's business: pass, fail, merge, approve, thresholds and baselines are stated by code. */
export const VERDICT_WORDS = words(`
  pass passes passed passing fail fails failed failing failure failures gate gates gated gating threshold thresholds
  verdict verdicts baseline baselines rebaseline merge merges merged merging mergeable approve approves approved approving
  approval lgtm ship ships shipped shipping block blocks blocked blocking blocker blockers green
  deploy deploys deployed deploying releasing releasable rollout harmless conclusively meaningful meaningfully genuine statistically
  spurious fluke alarm reassuring reassured blip blips
`);

export const VERDICT_PHRASES = [/\bnothing (has )?changed\b/i, /\bnothing (here |else )?(needs|requires) (action|attention|fixing)\b/i, /\bno action\b/i, /\ball (good|clear|fine)\b/i, /\blooks? good\b/i, /\bgood to go\b/i, /\bready to\b/i, /\bno (issues?|problems?|concerns?)\b/i, /\bnothing to worry\b/i,
  /\bnothing to (act on|fix|do|see)\b/i, /\bmove on\b/i, /\bas[- ]is\b/i, /\bas it is\b(?!\s+[a-z])/i, /\bfalse (alarm|positive|negative)s?\b/i,
  /\b(only|just|merely|mere|pure|purely|simply|all) (the )?noise\b/i, /\b(within|beyond|above|below|inside|outside|under|over|is|are) (the )?noise\b/i,
  /\b(is|are|looks?|seems?|stays?|remains?) (fine|clean|safe|harmless|expected|normal|real|ok|okay|sound)\b/i,
  /\b(is|are|was|were|looks?|seems?) (conclusive|inconclusive|settled)\b/i, /\b(went|goes|gone|go|going) wrong\b/i, /\btim(e|es|ed|ing)[- ]out\b/i,
  // Dismissing a result or clearing the branch in other words: "checks out", "no red flags", "can be ignored", "can land".
  /\bchecks? out\b/i, /\bred flags?\b/i, /\bgood shape\b/i, /\b(is|are|was|were|looks?|seems?) (solid|robust|great|excellent|encouraging|promising)\b/i,
  /\b(can|could|should|may|to) land\b/i, /\bnothing (stands out|serious|major|unusual|alarming)\b/i, /\bnot an? (concern|problem|issue|worry)\b/i,
  /\b(can|could|should|may) be (safely )?(ignored|disregarded|dismissed|discounted|overlooked)\b/i, /\bsafe(ly)? (to )?ignore\b/i,
  /\b(is|was) (just |only |merely )?an? (one-off|glitch|anomaly|aberration)\b/i, /\bno surprises?\b/i,
  /\bnothing to write home about\b/i, /\bcan relax\b/i, /\bnothing (here |else )?warrants\b/i, /\bgood enough\b/i, /\bnothing (unexpected|surprising)\b/i, /^\s*unsurprising(ly)?\b/i];

/**
 * Expected, random or ready: a result explained away or the branch cleared,
 * when a sentence states it; advice may ask for it ("Check the warm-up
 * behaves as expected", "Confirm the host is ready").
 */
export const VERDICT_STATEMENTS = [
  /\b(is|are|was|were|looks?|seems?) (just |only |merely |pure |purely )?(random|chance|variance|luck)\b/i, /\bmargin of error\b/i, /\bas expected\b/i,
  /\b(is|are|was|were) (expected|unsurprising|ready|good|tolerable)\b(?!\s+\p{L})/iu, /\b(in line with|within) expectations?\b/i,
];

/**
 * Words that judge a result good or bad news. A claim's interpretation may
 * use them only when the claim bears them out (good news on an improvement,
 * bad news on a regression); other prose never.
 */
export const GOOD_TONE = [
  /\bgood (news|sign|result|results|outcome|showing)\b/i, /\b(welcome|pleasing|encouraging|promising|heartening|fortunately|fortunate|positive sign|terrific|fantastic|awesome)\b/i,
  /\b(great|nice) (news|sign|result|results|outcome|showing|win|gain)\b/i, /\b(is|are|was|were|looks?) (great|nice)\b/i, /\ban? win\b/i,
];
export const BAD_TONE = [
  /\bbad (news|sign|result|results|outcome|showing)\b/i, /\b(unwelcome|unfortunate|unfortunately|setback|regrettable|negative sign|awful|terrible|dire|grim)\b/i, /\ban? (blow|pity|shame)\b/i,
];

/** Causes and speculation about them: the data cannot back a cause. */
export const CAUSE_WORDS = words(`
  because due cause causes caused causing causal owing attributable attribute attributed attributes attribution
  driven stems stemming thanks explain explains explained explanation reason reasons why since hence therefore
  consequently likely probably presumably bottleneck bottlenecks throttling throttled throttle contention saturation
  saturated saturates responsible responsibility culprit culprits triggered triggers suffers suffered suffering
  originates originated blame blamed produced induced yielded
`);

export const CAUSE_PHRASES = [
  // "X results from Y", "as a result of"; not the noun ("Results from one host", "the results of the sweep").
  /(?<=\b(?!(?:the|these|those|our|their|its|all|some|any|of|and|with|no|each|both|earlier|previous|same|other|raw|such)\b)\p{L}+\s)results? (of|from)\b/iu,
  /\bresulting from\b/i, /\bleads? to\b/i, /\bstems? from\b/i, /\b(comes?|came|coming) from\b/i,
  /\baccount(s|ed) for\b/i, /\b(makes?|made|making) the difference\b/i, /\broot cause\b/i,
  // "follows from the KV cache change", "at the root of it", "X did this", "brought this on".
  /\bfollows? from\b/i, /\broot of\b/i, /\b(shows?|showing|reflects?|is|are|was|were) the (impact|consequence|effect) of\b/i, /\breflect(s|ed)\b/i, /\b(did|does|do) (this|that)\b/i, /\b(brought|brings?) (this|that|it) (on|about)\b/i, /\bbrought about\b/i, /\bdid the trick\b/i,
];

/** Words addressed to the reader, or about the writer. */
export const CHATTER_WORDS = words(`i i'm i've i'd i'll me my mine myself hope hopefully please thanks thank cheers hello hi okay ok certainly absolutely glad happy`);

export const CHATTER_PHRASES = [/\blet me\b/i, /\bfeel free\b/i, /\bas an ai\b/i, /(?:^|[.;:!?]\s*)here(?:'s|’s| is| are)\b/i, /\bof course\b/i, /\bdo you\b/i, /\bwould you\b/i, /^sure\b/i];

/**
 * Products, vendors, frameworks and model families: names however they are
 * written, so a lower-case "nvidia" or "qwen" the facts do not hold is
 * dropped like a capitalised one.
 */
export const KNOWN_NAMES = words(`
  nvidia amd intel apple qualcomm cuda rocm vulkan opencl cudnn cublas nccl tensorrt triton vllm sglang tgi
  llamacpp ollama lmstudio exllama exllamav mlc onnx onnxruntime openvino pytorch torch tensorflow jax xla inductor dynamo
  deepspeed megatron hopper ampere blackwell volta turing lovelace geforce quadro radeon xeon epyc
  qwen llama mistral mixtral gemma deepseek gpt claude falcon vicuna baichuan chatglm olmo
  docker dockerfile kubernetes slurm linux ubuntu debian macos flashattention xformers bitsandbytes gguf ggml
  awq gptq huggingface aws gcp azure
`);

/**
 * Technical words that are not entities: acronyms a brief may use anywhere.
 * Anything else capitalised mid-sentence, in capitals, or in mixed case is a
 * name and must come from the cited facts.
 */
export const GENERIC_TERMS = words(`
  ttft tpot itl gpu gpus cpu cpus vram ram kv llm llms ci pr prs api apis json csv io os sla slas p oom vm vms
`);

/**
 * Words a sentence of advice or interpretation may start with. A capitalised
 * first word outside this list is taken for a name ("Nvidia drivers…").
 */
export const SENTENCE_STARTS = words(`
  a an the this that these those it its they their there here each every both all any some most many few several no none
  nothing neither either one another other others such what which who whose when where while whether if unless once until
  before after during without with within for to in on at by from of as into onto over under between across around through
  and but or so yet nor also only just still even then now instead otherwise however meanwhile together overall first last
  next finally again further more less fewer not never always often sometimes usually
  keep run rerun re-run repeat pin track measure add use prefer serve check compare record review confirm validate verify
  watch monitor profile test try benchmark collect gather capture report document log store split separate label tag discard
  exclude include schedule set fix freeze lock warm start stop avoid consider investigate examine inspect look read write note
  expect treat choose pick select switch move batch cache reuse limit cap size tune adjust retain plan allocate reserve dedicate
  isolate evaluate score sample average aggregate reproduce replicate standardise standardize normalise normalize ensure make
  give take wait allow enable upgrade update retest re-test quantify quantize quantise compile deploy default keep call label
  improve increase decrease reduce raise lower boost cut
  throughput latency latencies memory runs results result data benchmark benchmarks batching batches quantization quantisation
  model models backend backends runtime runtimes configuration configurations config configs setting settings prompt prompts
  evaluation quality output outputs answer answers serving production generation decoding prefill warm-up warmup cold caching
  context contexts hardware driver drivers kernel kernels samples measurements measurement variance variability spread
  repetitions replicates scatter outliers outlier load loading users requests traffic speed cost costs accuracy tokens token
  time timing timings sweeps sweep parameters parameter temperature caches operators teams reviewers noise variation
  choosing picking running measuring tracking keeping adding using comparing repeating pinning serving
  worth given based despite though although unlike like via whatever whichever wherever whenever clearly perhaps maybe
  possibly notably importantly ideally practically currently previously typically generally mostly mainly largely partly
  fully simply rather quite very too enough good useful helpful clear hard easy careful worthwhile future later early regular
  regularly everything something anything anyone someone everyone nobody beyond besides plus thus accordingly similarly
  likewise additionally also alternatively specifically particularly especially even although note users operators engineers
  planning teams reviewers readers callers clients workloads workload interactive batch chat long short small large new old
  same different separate fixed dedicated shared local remote cheap costly runner runners bisect extend audit revisit revert
  retry instrument trace alert agree decide find rule split warm double-check
  background thermal network clean back break cold hot tail mean median error errors request requests response responses
  power energy disk storage host hosts machine machines job jobs pipeline environment conditions clock clocks frequency
  scheduling concurrency parallelism queueing queue jitter logs logging instrumentation tokenizer weights precision
  determinism seed seeds randomness order ordering sampling decode inference training comparison comparisons numbers
  figures tables charts files folders labels names units metrics metric series findings finding tails percentiles
  group filter flush clear restart reboot disable rebuild recompile rebalance reorder randomise randomize shuffle
  interleave alternate stagger bind shared single mixed separate varying
  relevant may might could should would must can will do don't count drill peak steady noisy out-of-memory third-party
  rerunning re-running hold turn save share let match space change budget spend suggests consistent important key unclear
  extra additional synthetic concurrent dynamic initial ambient averages container firmware cloud heat input startup
  timeouts cross-check spot-check differences
`);

/** Endings of ordinary English words: a capitalised first word ending so is taken for a word, not a name. */
export const WORD_ENDINGS = /(ing|ed|ly|tion|sion|ment|ness|ity|ful|less|able|ible|ive|ous|ise|ize|ence|ance)$/;

/**
 * Function words that are distinctive for each language (shared ones and
 * English homographs left out), for telling a Latin-script sentence that is
 * plainly not English.
 */
export const FOREIGN_WORDS: Record<string, Set<string>> = {
  de: words('und ist nicht sehr auch sind wird werden oder aber mit für ein eine einen einem der das dem des danke bitte ich wir noch schon dies diese ja nein'),
  fr: words("est les des une avec pour dans très pas qui sont c'est n'est merci voici voilà nous vous mais aussi cette être été du au aux tout"),
  es: words('el los las del que para una por está muy pero más gracias esto este esta también hola y sí'),
  pt: words('não são também obrigado muito uma dos das é isso'),
  it: words('il gli della che sono anche grazie molto questo questa'),
  nl: words('het een niet zijn wordt ook naar dank veel sneller langzamer beter slechter dan maar wel'),
};

export const ENGLISH_WORDS = words('the and of to is for with this that are was which from by be it on at as an in keep each run runs');

/** Ordinary words of prose: a label that is one of them (`model`, `serving`, `chat`) is not told apart from the word. */
export const COMMON_WORDS = new Set([
  ...SENTENCE_STARTS,
  ...GENERIC_TERMS,
  ...ADVICE_VERBS,
  ...ENGLISH_WORDS,
  ...AMOUNT_OBJECTS,
  // Values flags take: `cache=true`, `offload=off`.
  ...words('true false yes no on off none null auto enabled disabled base full half'),
]);
