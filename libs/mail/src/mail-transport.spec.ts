import { messageIdFor } from './mail-transport';

describe('Message-ID of an email', () => {
  it('is the email key at the sender’s domain', () => {
    const from = 'Ban Quản lý Khu kinh tế tỉnh Lào Cai <bao-cao@bqlkkt.laocai.example>';
    expect(messageIdFor('publication:12:0b7c9e4e-2f1a-4c55-9d7a-3f0e2b1c4d5e', from)).toBe(
      '<publication.12.0b7c9e4e-2f1a-4c55-9d7a-3f0e2b1c4d5e@bqlkkt.laocai.example>',
    );
  });

  it('falls back to localhost for a sender without a domain', () => {
    expect(messageIdFor('overdue:5300123456:2025-Q3', 'bao-cao')).toBe('<overdue.5300123456.2025-Q3@localhost>');
  });
});
