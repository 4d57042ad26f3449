import { useMutation } from '@apollo/client/react';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n';
import { errorText } from '../../lib/ErrorAlert';
import { IP_KINDS, creditCodeProblem, ipKindLabel } from './enterpriseDisplay';
import { CREATE_ENTERPRISE, type CreateEnterpriseVariables, type LibraryEntry } from './enterprises.graphql';

/** The IP kinds as select options, labelled in the current language (call it while rendering). */
export function ipKindOptions(): { value: string; label: string }[] {
  return IP_KINDS.map((k) => ({ value: k, label: ipKindLabel(k) }));
}

/** Checked when the form validates: the message is in the language of that moment. */
export const creditCodeRule = {
  validator(_: unknown, value: string | undefined) {
    if (!value?.trim()) return Promise.reject(new Error(i18n.t('enterprises.creditCode.required')));
    const problem = creditCodeProblem(value);
    return problem ? Promise.reject(new Error(problem)) : Promise.resolve();
  },
};

type CreateForm = CreateEnterpriseVariables['input'];

/**
 * 新增企业 (Art 6.3): the fund manager, or a bank adding a new borrower with its patents and trademarks.
 * `onCreated` gets the id of a new entry (one the caller may open); `onEntry` gets the library's entry
 * either way, also one already there (enough to lend to it), e.g. for loan registration.
 */
export function CreateEnterpriseModal({
  open,
  onClose,
  onCreated,
  onEntry,
  initialCreditCode,
}: {
  open: boolean;
  onClose: () => void;
  onCreated?: (id: string) => void;
  onEntry?: (entry: LibraryEntry) => void;
  initialCreditCode?: string;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CreateForm>();
  const [create, { loading }] = useMutation(CREATE_ENTERPRISE, { refetchQueries: ['Enterprises'] });

  async function submit(values: CreateForm) {
    try {
      const { data } = await create({
        variables: {
          input: {
            ...values,
            creditCode: values.creditCode.trim().toUpperCase(),
            ipAssets: values.ipAssets ?? [],
          },
        },
      });
      const entry = data?.createEnterprise;
      if (entry?.alreadyInLibrary)
        message.info(t('enterprises.create.alreadyInLibrary', { name: entry.name }));
      else message.success(t('enterprises.create.added', { name: values.name }));
      form.resetFields();
      onClose();
      // An existing entry may be one the caller cannot open (another bank's borrower): its id is enough to lend.
      if (entry && !entry.alreadyInLibrary) onCreated?.(entry.id);
      if (entry) onEntry?.(entry);
    } catch (err) {
      message.error(errorText(err));
    }
  }

  return (
    <Modal
      title={t('enterprises.create.title')}
      width={720}
      open={open}
      okText={t('enterprises.create.save')}
      cancelText={t('enterprises.create.cancel')}
      confirmLoading={loading}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ district: '江北区', creditCode: initialCreditCode }}
      >
        <Form.Item
          name="name"
          label={t('enterprises.field.name')}
          rules={[{ required: true, whitespace: true, message: t('enterprises.create.nameRequired') }]}
        >
          <Input />
        </Form.Item>
        <Form.Item name="creditCode" label={t('enterprises.field.creditCode')} rules={[creditCodeRule]}>
          <Input maxLength={18} style={{ textTransform: 'uppercase' }} />
        </Form.Item>
        <Space style={{ width: '100%' }} wrap>
          <Form.Item name="district" label={t('enterprises.field.district')}>
            <Input />
          </Form.Item>
          <Form.Item name="industry" label={t('enterprises.field.industry')}>
            <Input />
          </Form.Item>
        </Space>
        <Form.List name="ipAssets">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="baseline" wrap>
                  <Form.Item
                    name={[field.name, 'kind']}
                    rules={[{ required: true, message: t('enterprises.field.kind') }]}
                  >
                    <Select
                      options={ipKindOptions()}
                      placeholder={t('enterprises.field.kind')}
                      style={{ width: 90 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'registrationNo']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('enterprises.drawer.registrationNoRequired'),
                      },
                    ]}
                  >
                    <Input
                      placeholder={t('enterprises.drawer.registrationNoPlaceholder')}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'title']}
                    rules={[
                      { required: true, whitespace: true, message: t('enterprises.drawer.titleRequired') },
                    ]}
                  >
                    <Input placeholder={t('enterprises.field.title')} style={{ width: 240 }} />
                  </Form.Item>
                  <MinusCircleOutlined
                    onClick={() => remove(field.name)}
                    aria-label={t('enterprises.create.remove')}
                  />
                </Space>
              ))}
              <Button type="dashed" icon={<PlusOutlined />} onClick={() => add({ kind: 'PATENT' })}>
                {t('enterprises.create.addIp')}
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}
