/** Words that end the title of a document of this genre, mapped to the document type they signal. */
export const TITLE_TYPE_WORDS: readonly (readonly [RegExp, 'plan' | 'summary' | 'commentary'])[] = [
  [/(?:述职|汇报|总结|情况报告|研判报告|工作报告|自查报告|报告)$/u, 'summary'],
  [/(?:要点|计划|方案|安排|规划|思路|打算)$/u, 'plan'],
  [/(?:讲话|发言|心得|体会|党课|讲稿|评论|综述|论文|文章|研究|思考|探析|浅谈|浅析)$/u, 'commentary'],
];

/** The same words, anywhere in a short line, for deciding that a line is a title. */
export const TITLE_WORD = /(?:要点|计划|方案|安排|规划|总结|报告|汇报|述职|研判|讲话|发言|心得|体会)/u;

/** Top-level outline heading `一、` (also `一 .` as viewers print it); group 1 is the numeral. */
export const TOP_HEADING = /^([一二三四五六七八九十]{1,3})\s*[、.．]/u;

/** Any outline marker at the start of a paragraph: 一、 (一) 1、 1. 1 . 一是 */
export const OUTLINE_MARKER = /^(?:[一二三四五六七八九十]{1,3}\s*[、.．]|[((][一二三四五六七八九十\d]{1,3}[))]?|\d{1,2}\s*[、.．](?!\d)|[一二三四五六七八九十]{1,2}[是要])/u;

/** Sentence-final punctuation. */
export const SENTENCE_END = /[。!?!?;;…]$/u;

/** Paragraphs that close a document rather than open one. */
export const CLOSING = /^(?:总之|综上|总而言之|以上|特此)/u;

/** Opening sentences that announce the report (现将…报告如下, 现述职如下). */
export const ANNOUNCE = /现将(?<subject>[^\uff0c,。]{2,60}?(?:汇报|报告|总结|述职)?)如下|现(?:述职|汇报|报告|总结)如下|(?:总结|汇报|报告|述职)如下[::。]?$/u;

/** Cues of a summary/report in its opening or body. */
export const SUMMARY_CUES = /今年以来|上半年|半年来|年以来|先后|累计|共计|荣获|已(?:经|开展|建立|完成)|本季度|季度|总结如下|汇报如下|述职如下|报告如下|存在的(?:主要)?问题|存在的不足|下一步|下步打算|取得了?|开展了|召开了?|共发放|发布信息/gu;

/** Cues of a plan in its opening or body. */
export const PLAN_CUES = /总体要求|工作要点|重点要做好|全年|要(?:进一步|切实|认真|坚持|加强)|将(?:继续|进一步)|做好|制定/gu;

/** Cues of an article, speech or commentary. */
export const COMMENTARY_CUES = /一要|二要|三要|必须|我们要|总之|指出|强调|应当|不能/gu;

/**
 * A unit named as issuing or reporting: a place or placeholder prefix and a unit word.
 * Group `org`. Ordered so that longer unit words win (党工委 before 委).
 */
export const ORG = /(?<org>(?:[*＊Xx_＿]+|[\p{Script=Han}]{0,8}?)(?:党工委|党委|党组|委员会|办公室|街道|社区|局|办|镇|乡|村|学校|中学|小学|大学|学院|医院|中心|公司|厅|部|委))/u;

/** Words that are too generic to be a unit on their own. */
export const GENERIC_ORG = /^(?:我|本|该|各|全|党|社区|学校|单位|部|委|局|办|中心|中央|县委|市委|区委|省委|党委|党组|宣传部)$/u;
