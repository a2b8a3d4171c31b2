#!/usr/bin/env node
// A large, realistic JSON Feed for benchmarks and tests: N items of Vietnamese department news
// (about 1 KB each), deterministic (a seeded generator), in 8 sections.
// Usage: node scripts/generate-feed.mjs [N] > feed.json
const SECTIONS = ['Tin hoạt động', 'Lao động - Việc làm', 'Người có công', 'Bảo trợ xã hội', 'Giáo dục nghề nghiệp', 'Trẻ em', 'An toàn lao động', 'Chuyển đổi số'];
const SUBJECTS = ['Sở Lao động - Thương binh và Xã hội', 'Trung tâm Dịch vụ việc làm', 'Phòng Lao động quận Hải Châu', 'Ủy ban nhân dân thành phố Đà Nẵng', 'Trường Cao đẳng nghề', 'Quỹ Đền ơn đáp nghĩa', 'Hội Liên hiệp Phụ nữ', 'Ban chỉ đạo giảm nghèo'];
const ACTIONS = ['tổ chức hội nghị triển khai', 'tổng kết công tác', 'phát động phong trào', 'kiểm tra việc thực hiện', 'hỗ trợ kịp thời', 'tuyển sinh đào tạo', 'chi trả trợ cấp', 'thăm và tặng quà', 'tập huấn nghiệp vụ', 'ký kết phối hợp'];
const TOPICS = ['giải quyết việc làm cho người lao động', 'chính sách ưu đãi người có công', 'an sinh xã hội năm 2023', 'giảm nghèo bền vững', 'an toàn, vệ sinh lao động', 'bảo vệ và chăm sóc trẻ em', 'giáo dục nghề nghiệp', 'chuyển đổi số trong dịch vụ công', 'phòng, chống tệ nạn xã hội', 'bình đẳng giới'];
const PLACES = ['tại Đà Nẵng', 'trên địa bàn thành phố', 'ở các quận, huyện', 'tại phường Hòa Khánh', 'ở huyện Hòa Vang', 'trong quý I', 'trong dịp Tết Nguyên đán'];
const IMAGES = ['hoi-nghi', 'tru-so-co', 'may-tinh', 'san-viec-lam', 'nha-may', 'mu-bao-ho', 'dien-thoai', 'qua-tet', 'hoa-tri-an', 'nha-trai-tim', 'tre-em-dieu', 'sach-banh-rang'];

function generator(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateFeed(count, seed = 20230210) {
  const random = generator(seed);
  const pick = (list) => list[Math.floor(random() * list.length)];
  const sentence = () => `${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(TOPICS)} ${pick(PLACES)}.`;
  const start = Date.UTC(2023, 0, 1);
  const items = [];
  for (let i = 0; i < count; i++) {
    const section = pick(SECTIONS);
    const paragraphs = Array.from({ length: 2 }, () => `<p>${Array.from({ length: 2 }, sentence).join(' ')}</p>`);
    items.push({
      id: `tin-${i}`,
      url: `https://www.example.org/tin-tuc/tin-${i}`,
      title: `${pick(SUBJECTS)} ${pick(ACTIONS)} ${pick(TOPICS)}`,
      summary: sentence(),
      content_html: paragraphs.join(''),
      image: `images/sample/${pick(IMAGES)}.svg`,
      date_published: new Date(start + i * 15 * 60_000).toISOString(),
      authors: [{ name: 'Văn phòng Sở' }],
      tags: [section, pick(['Đà Nẵng', 'Chính sách', 'Sự kiện'])],
    });
  }
  return { version: 'https://jsonfeed.org/version/1.1', title: `Bản tin thử tải: ${count} tin`, items: items.reverse() };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  process.stdout.write(JSON.stringify(generateFeed(Number(process.argv[2]) || 10_000)));
}
